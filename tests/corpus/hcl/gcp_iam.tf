resource "google_service_account" "exporter" {
  account_id   = "metrics-exporter"
  display_name = "Metrics exporter"
  project      = var.project_id
}

resource "google_project_iam_member" "exporter_viewer" {
  project = var.project_id
  role    = "roles/monitoring.viewer"
  member  = "serviceAccount:${google_service_account.exporter.email}"
}

resource "google_project_iam_binding" "owners" {
  project = var.project_id
  role    = "roles/owner"
  members = [
    "group:platform-admins@example.com",
    "user:cto@example.com",
  ]
}

resource "google_service_account_key" "exporter" {
  service_account_id = google_service_account.exporter.name
}

resource "google_service_account_iam_member" "exporter_wi" {
  service_account_id = google_service_account.exporter.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[monitoring/exporter]"
}

resource "google_container_cluster" "main" {
  name     = "main"
  location = var.region

  remove_default_node_pool = true
  initial_node_count       = 1

  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "0.0.0.0/0"
      display_name = "anywhere"
    }
  }
}

resource "google_container_node_pool" "general" {
  name     = "general"
  cluster  = google_container_cluster.main.id
  location = var.region

  autoscaling {
    min_node_count = 1
    max_node_count = 10
  }

  node_config {
    machine_type    = "e2-standard-4"
    service_account = google_service_account.exporter.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
  }
}

resource "azurerm_role_assignment" "ci_contributor" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Contributor"
  principal_id         = var.ci_principal_id
}

data "azurerm_subscription" "current" {}
