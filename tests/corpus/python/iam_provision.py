"""Provision per-tenant IAM roles for the data export feature."""
import json
import logging

import boto3
from botocore.exceptions import ClientError

log = logging.getLogger(__name__)

REGION = __import__("os").environ.get("AWS_REGION", "eu-west-1")

iam = boto3.client("iam", region_name=REGION)


def _role_name(tenant_id: str) -> str:
    return f"export-{tenant_id}"


def _trust_policy(account_id: str) -> dict:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": f"arn:aws:iam::{account_id}:root"},
                "Action": "sts:AssumeRole",
            }
        ],
    }


def _bucket_policy(bucket: str, tenant_id: str) -> dict:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:PutObject"],
                "Resource": f"arn:aws:s3:::{bucket}/{tenant_id}/*",
            }
        ],
    }


def ensure_role(tenant_id: str, account_id: str, bucket: str) -> str:
    name = _role_name(tenant_id)
    try:
        role = iam.create_role(
            RoleName=name,
            AssumeRolePolicyDocument=json.dumps(_trust_policy(account_id)),
            MaxSessionDuration=3600,
            Tags=[{"Key": "tenant", "Value": tenant_id}],
        )
    except ClientError as err:
        if err.response["Error"]["Code"] != "EntityAlreadyExists":
            raise
        role = iam.get_role(RoleName=name)
    iam.put_role_policy(
        RoleName=name,
        PolicyName="export-bucket",
        PolicyDocument=json.dumps(_bucket_policy(bucket, tenant_id)),
    )
    log.info("role ready: %s", role["Role"]["Arn"])
    return role["Role"]["Arn"]


def grant_support_access(role_name: str) -> None:
    iam.attach_role_policy(RoleName=role_name, PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")


def create_ci_user(tenant_id: str) -> dict:
    iam.create_user(UserName=f"ci-{tenant_id}")
    key = iam.create_access_key(UserName=f"ci-{tenant_id}")["AccessKey"]
    return {"id": key["AccessKeyId"], "created": key["CreateDate"].isoformat()}


def describe(tenant_id: str) -> str:
    return f"tenant {tenant_id} exports to role {_role_name(tenant_id)}"
