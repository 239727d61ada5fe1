package deployer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"unsafe"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
)

type Plan struct {
	Stack     string
	Workspace string
	Vars      map[string]string
}

func terraformApply(ctx context.Context, p Plan) error {
	args := []string{"apply", "-auto-approve", "-input=false"}
	for k, v := range p.Vars {
		args = append(args, "-var", k+"="+v)
	}
	cmd := exec.CommandContext(ctx, "terraform", args...)
	cmd.Dir = "stacks/" + p.Stack
	cmd.Env = append(os.Environ(), "TF_WORKSPACE="+p.Workspace)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Run()
}

func rolloutRestart(ctx context.Context, namespace, deployment string) (string, error) {
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, "kubectl", "-n", namespace, "rollout", "restart", "deployment/"+deployment)
	cmd.Stdout = &out
	err := cmd.Run()
	return out.String(), err
}

func grantDeployRole(ctx context.Context, client *iam.Client, role string) error {
	_, err := client.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{
		RoleName:  aws.String(role),
		PolicyArn: aws.String("arn:aws:iam::aws:policy/PowerUserAccess"),
	})
	return err
}

func createDeployRole(ctx context.Context, client *iam.Client, name, trust string) (string, error) {
	out, err := client.CreateRole(ctx, &iam.CreateRoleInput{
		RoleName:                 aws.String(name),
		AssumeRolePolicyDocument: aws.String(trust),
		Description:              aws.String("assumed by the deployer in CI"),
	})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Role.Arn), nil
}

func bytesToString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// planSummary renders a plan for the Slack notification.
func planSummary(p Plan) string {
	keys := make([]string, 0, len(p.Vars))
	for k := range p.Vars {
		keys = append(keys, k)
	}
	return fmt.Sprintf("%s@%s (%s)", p.Stack, p.Workspace, strings.Join(keys, ", "))
}

func Run(ctx context.Context, client *iam.Client, p Plan) error {
	if err := grantDeployRole(ctx, client, "deployer-"+p.Workspace); err != nil {
		return err
	}
	if err := terraformApply(ctx, p); err != nil {
		return fmt.Errorf("terraform: %w", err)
	}
	out, err := rolloutRestart(ctx, p.Workspace, p.Stack)
	fmt.Println(bytesToString([]byte(out)))
	return err
}
