#!/usr/bin/env node
// Promotes a build to an environment: pushes the image, applies manifests, flips DNS.
import { execSync, spawn } from 'node:child_process';
import { IAMClient, CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { Route53Client, ChangeResourceRecordSetsCommand } from '@aws-sdk/client-route-53';

const env = process.env.DEPLOY_ENV ?? 'staging';
const region = process.env.AWS_REGION ?? 'eu-central-1';
const zoneId = process.env.HOSTED_ZONE_ID;
const image = `registry.example.com/storefront:${process.env.GIT_SHA}`;

function log(step, detail = '') {
  const stamp = new Date().toISOString().slice(11, 19);
  console.log(`[${stamp}] ${step.padEnd(12)} ${detail}`);
}

function pushImage() {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', ['push', image], { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`docker push: ${code}`))));
  });
}

function applyManifests() {
  execSync(`kubectl --context ${env} apply -k deploy/overlays/${env}`, { stdio: 'inherit' });
  execSync(`kubectl --context ${env} set image deployment/storefront web=${image}`, { stdio: 'inherit' });
}

async function ensureRole(iam) {
  await iam.send(new CreateRoleCommand({
    RoleName: `storefront-${env}`,
    AssumeRolePolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  })).catch((err) => { if (err.name !== 'EntityAlreadyExistsException') throw err; });
  await iam.send(new PutRolePolicyCommand({
    RoleName: `storefront-${env}`,
    PolicyName: 'assets',
    PolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::storefront-assets/*' }],
    }),
  }));
}

async function flipDns(route53, target) {
  await route53.send(new ChangeResourceRecordSetsCommand({
    HostedZoneId: zoneId,
    ChangeBatch: {
      Comment: `storefront ${env} -> ${target}`,
      Changes: [{
        Action: 'UPSERT',
        ResourceRecordSet: {
          Name: `${env === 'production' ? 'www' : env}.example.com`,
          Type: 'CNAME',
          TTL: 60,
          ResourceRecords: [{ Value: target }],
        },
      }],
    },
  }));
}

async function main() {
  log('push', image);
  await pushImage();
  log('iam', `storefront-${env}`);
  await ensureRole(new IAMClient({ region }));
  log('apply', env);
  applyManifests();
  log('dns', 'switching');
  await flipDns(new Route53Client({ region }), `storefront-${env}.lb.example.net`);
  log('done');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
