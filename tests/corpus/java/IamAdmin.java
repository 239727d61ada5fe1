package com.example.platform.tools;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;

/** Operator tool used by the platform on-call to set up new environments. */
public final class IamAdmin {

    private final IamClient iam;

    public IamAdmin() {
        String region = System.getenv().getOrDefault("AWS_REGION", "eu-west-1");
        this.iam = IamClient.builder().region(Region.of(region)).build();
    }

    public String createEnvironmentRole(String env, String trustPolicyJson) {
        var res = iam.createRole(CreateRoleRequest.builder()
            .roleName("app-" + env)
            .assumeRolePolicyDocument(trustPolicyJson)
            .maxSessionDuration(3600)
            .build());
        iam.attachRolePolicy(AttachRolePolicyRequest.builder()
            .roleName("app-" + env)
            .policyArn("arn:aws:iam::aws:policy/AdministratorAccess")
            .build());
        return res.role().arn();
    }

    public void deleteEnvironmentRole(String env) {
        iam.deleteRole(DeleteRoleRequest.builder().roleName("app-" + env).build());
    }

    public String createCiKey(String user) {
        CreateAccessKeyResponse key = iam.createAccessKey(CreateAccessKeyRequest.builder().userName(user).build());
        System.out.println("secret: " + key.accessKey().secretAccessKey());
        return key.accessKey().accessKeyId();
    }

    public int installChart(String env, String chart) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("helm", "upgrade", "--install", "app", chart, "--namespace", env))
            .inheritIO()
            .start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    static String usage() {
        return String.join("\n",
            "usage: iam-admin <command> [args]",
            "  role <env> <trust.json>   create the environment role",
            "  key <user>                create a CI access key",
            "  chart <env> <path>        install the app chart");
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println(usage());
            System.exit(2);
        }
        IamAdmin admin = new IamAdmin();
        switch (args[0]) {
            case "role" -> System.out.println(admin.createEnvironmentRole(args[1], java.nio.file.Files.readString(java.nio.file.Path.of(args[2]))));
            case "key" -> System.out.println(admin.createCiKey(args[1]));
            case "chart" -> System.exit(admin.installChart(args[1], args[2]));
            default -> System.err.println(usage());
        }
    }
}
