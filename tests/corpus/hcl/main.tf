terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.50"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  backend "s3" {
    bucket         = "acme-terraform-state"
    key            = "orders/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type = string
}

variable "api_instance_count" {
  type    = number
  default = 3
}

variable "datadog_api_key" {
  type      = string
  default   = "3f8e1c0a9b7d6e5f4a3b2c1d0e9f8a7b"
  sensitive = true
}

locals {
  tags = {
    Project     = "orders"
    Environment = var.environment
    ManagedBy   = "terraform"
  }
}

module "api" {
  source  = "terraform-aws-modules/ecs/aws//modules/service"
  version = "5.11.0"

  name          = "orders-api-${var.environment}"
  cluster_arn   = module.cluster.arn
  desired_count = var.api_instance_count

  container_definitions = {
    api = {
      image  = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders-api:${var.image_tag}"
      cpu    = 512
      memory = 1024
    }
  }
}

module "cluster" {
  source       = "terraform-aws-modules/ecs/aws//modules/cluster"
  version      = "5.11.0"
  cluster_name = "orders-${var.environment}"
}
