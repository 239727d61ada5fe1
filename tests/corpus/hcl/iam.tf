# IAM for the ingest pipeline.

data "aws_iam_policy_document" "ingest_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "ingest" {
  name                 = "ingest-${var.environment}"
  assume_role_policy   = data.aws_iam_policy_document.ingest_assume.json
  max_session_duration = 3600
  tags                 = local.tags
}

data "aws_iam_policy_document" "ingest" {
  statement {
    sid       = "ReadRaw"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = [aws_s3_bucket.raw.arn, "${aws_s3_bucket.raw.arn}/*"]
  }

  statement {
    sid       = "WriteCurated"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.curated.arn}/*"]
  }

  statement {
    sid       = "Queue"
    actions   = ["sqs:*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "ingest" {
  name   = "ingest-${var.environment}"
  policy = data.aws_iam_policy_document.ingest.json
}

resource "aws_iam_role_policy_attachment" "ingest" {
  role       = aws_iam_role.ingest.name
  policy_arn = aws_iam_policy.ingest.arn
}

resource "aws_iam_role_policy_attachment" "ingest_logs" {
  role       = aws_iam_role.ingest.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_user" "partner_upload" {
  name = "partner-upload-${var.environment}"
  path = "/partners/"
}

resource "aws_iam_access_key" "partner_upload" {
  user = aws_iam_user.partner_upload.name
}

resource "aws_iam_user_policy" "partner_upload" {
  name = "upload-only"
  user = aws_iam_user.partner_upload.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:PutObject"]
      Resource = "${aws_s3_bucket.raw.arn}/partner/*"
    }]
  })
}

output "partner_upload_secret" {
  value     = aws_iam_access_key.partner_upload.secret
  sensitive = true
}

output "ingest_role_arn" {
  value = aws_iam_role.ingest.arn
}
