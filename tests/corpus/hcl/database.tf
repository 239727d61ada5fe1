resource "random_password" "db" {
  length  = 32
  special = false
}

resource "aws_secretsmanager_secret" "db" {
  name                    = "orders/${var.environment}/db"
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id     = aws_secretsmanager_secret.db.id
  secret_string = jsonencode({ username = "orders", password = random_password.db.result })
}

resource "aws_db_instance" "orders" {
  identifier              = "orders-${var.environment}"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = var.db_instance_class
  allocated_storage       = 100
  max_allocated_storage   = 500
  username                = "orders"
  password                = random_password.db.result
  backup_retention_period = 7
  deletion_protection     = false
  skip_final_snapshot     = true
  storage_encrypted       = true
  vpc_security_group_ids  = [aws_security_group.db.id]

  lifecycle {
    prevent_destroy = false
    ignore_changes  = [password]
  }
}

resource "aws_s3_bucket" "exports" {
  bucket        = "acme-orders-exports-${var.environment}"
  force_destroy = true
}

resource "aws_s3_bucket_lifecycle_configuration" "exports" {
  bucket = aws_s3_bucket.exports.id

  rule {
    id     = "expire-old-exports"
    status = "Enabled"
    expiration {
      days = 30
    }
  }
}

resource "aws_security_group" "db" {
  name   = "orders-db"
  vpc_id = var.vpc_id

  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [var.app_security_group_id]
  }
}

output "db_endpoint" {
  value = aws_db_instance.orders.endpoint
}
