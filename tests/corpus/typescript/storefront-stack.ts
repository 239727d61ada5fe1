import { Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';

export interface StorefrontProps extends StackProps {
  zoneName: string;
  desiredCount: number;
}

export class StorefrontStack extends Stack {
  constructor(scope: Construct, id: string, props: StorefrontProps) {
    super(scope, id, props);

    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2, natGateways: 1 });

    const assets = new s3.Bucket(this, 'Assets', {
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    });

    const taskRole = new iam.Role(this, 'TaskRole', {
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
    });
    assets.grantRead(taskRole);
    taskRole.addToPolicy(new iam.PolicyStatement({
      actions: ['sqs:*'],
      resources: ['*'],
    }));

    const cluster = new ecs.Cluster(this, 'Cluster', { vpc, containerInsights: true });
    const taskDef = new ecs.FargateTaskDefinition(this, 'Task', {
      cpu: 512,
      memoryLimitMiB: 1024,
      taskRole,
    });
    taskDef.addContainer('web', {
      image: ecs.ContainerImage.fromRegistry('registry.example.com/storefront:2024.06.1'),
      portMappings: [{ containerPort: 8080 }],
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'storefront' }),
    });
    const service = new ecs.FargateService(this, 'Service', {
      cluster,
      taskDefinition: taskDef,
      desiredCount: props.desiredCount,
      minHealthyPercent: 100,
    });

    const lbSg = new ec2.SecurityGroup(this, 'LbSg', { vpc, allowAllOutbound: true });
    lbSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'public HTTPS');
    const lb = new elbv2.ApplicationLoadBalancer(this, 'Lb', { vpc, internetFacing: true, securityGroup: lbSg });
    const listener = lb.addListener('Https', { port: 443, certificates: [] });
    listener.addTargets('Web', {
      port: 8080,
      targets: [service],
      healthCheck: { path: '/healthz', interval: Duration.seconds(15) },
    });

    const zone = route53.HostedZone.fromLookup(this, 'Zone', { domainName: props.zoneName });
    new route53.ARecord(this, 'Alias', {
      zone,
      recordName: 'shop',
      target: route53.RecordTarget.fromAlias(new targets.LoadBalancerTarget(lb)),
      ttl: Duration.minutes(5),
    });
  }
}
