resource "aws_route53_zone" "public" {
  name    = "example.com"
  comment = "Public zone, managed by Terraform"
}

resource "aws_route53_record" "apex" {
  zone_id = aws_route53_zone.public.zone_id
  name    = "example.com"
  type    = "A"

  alias {
    name                   = aws_lb.public.dns_name
    zone_id                = aws_lb.public.zone_id
    evaluate_target_health = true
  }
}

resource "aws_route53_record" "mx" {
  zone_id = aws_route53_zone.public.zone_id
  name    = "example.com"
  type    = "MX"
  ttl     = 3600
  records = ["10 mx1.mail.example.net.", "20 mx2.mail.example.net."]
}

resource "aws_route53_record" "spf" {
  zone_id = aws_route53_zone.public.zone_id
  name    = "example.com"
  type    = "TXT"
  ttl     = 300
  records = ["v=spf1 include:_spf.mail.example.net -all"]
}

resource "cloudflare_record" "status" {
  zone_id = var.cloudflare_zone_id
  name    = "status"
  type    = "CNAME"
  content = "acme-status.fly.dev"
  proxied = true
  ttl     = 1
}

resource "google_dns_managed_zone" "internal" {
  name        = "internal-zone"
  dns_name    = "internal.example.com."
  visibility  = "private"
  description = "Private zone for GKE workloads"

  private_visibility_config {
    networks {
      network_url = google_compute_network.main.id
    }
  }
}

resource "google_dns_record_set" "api" {
  managed_zone = google_dns_managed_zone.internal.name
  name         = "api.${google_dns_managed_zone.internal.dns_name}"
  type         = "A"
  ttl          = 60
  rrdatas      = [google_compute_address.api.address]
}

locals {
  public_hostnames = [
    aws_route53_record.apex.fqdn,
    "status.example.com",
  ]
}

output "name_servers" {
  description = "Delegate the domain to these name servers at the registrar."
  value       = aws_route53_zone.public.name_servers
}
