; Risk queries for HCL: Terraform (and OpenTofu), with a few Vault-policy and Nomad shapes.
; Capture names say the category: @risk.<category>; @name names the hotspot.
;
; Conventions used below:
; - A resource or data block is matched by its type label, `resource "aws_iam_role" "deploy"` (or,
;   in older code, `resource aws_iam_role deploy` with bare labels):
;   `(block . (identifier) @kind . [(string_lit (template_literal) @type @name) (identifier) @type
;   @name] . [...])`. Both labels are captured as @name, type first; the engine names the hotspot
;   from the first one (`aws_iam_role`). Text predicates go on @type, never on @name (a text
;   predicate must hold for every node of its capture).
; - `data` blocks that only look an existing object up (`data "aws_iam_role"`, `data
;   "aws_route53_zone"`) change nothing and are not hotspots; a policy document built in a data
;   block is, and so is a data source that reads a secret.
; - Attribute-level hotspots capture the whole `key = value` attribute (or the `key = value` element
;   of an object, in `jsonencode({...})` and maps), named by the key. They flag the setting that
;   makes a resource risky (`cidr_blocks = ["0.0.0.0/0"]` on an ingress rule, `skip_final_snapshot =
;   true`), on top of the resource block itself where its type is a hotspot already.
; - Speed: tree-sitter checks text predicates only once a pattern has matched, and a pattern that
;   descends into a block's body keeps a pending state through the whole block. So patterns stay
;   shallow (only the two ingress-rule patterns look one level into a body):
;   `(attribute . (identifier) @name)` with the key checked by `#any-of?` first and the value by a
;   regex on the attribute's text; `(block . (identifier) . (block_start))` for unlabelled blocks (a
;   labelled `resource` block fails at once); and a block's contents, where they matter (`type =
;   "SecureString"`, `default = "..."`), are checked with a regex on the block's text rather than by
;   descending into it. Several settings of one category share one pattern.
; - Every regex uses Rust `regex` syntax; backslashes are doubled because these are query strings.
;   Each starts with `(?-u)`: ASCII classes compile several times faster than Unicode ones.

; =====================================================================================================
; iam: roles, policies, grants, RBAC, privilege changes, service accounts
; =====================================================================================================

; Roles, policies, attachments, users, groups, access keys, service accounts, role assignments and
; bindings, grants, resource policies, of every provider.
((block
   . (identifier) @kind
   . [(string_lit (template_literal) @type @name) (identifier) @type @name]
   . [(string_lit (template_literal) @name) (identifier) @name]) @risk.iam
 (#eq? @kind "resource")
 (#match? @type "(?-u)^aws_iam_|^google_\\w+_iam_(member|binding|policy|audit_config)$|^google_(service_account|service_account_key|project_iam_custom_role|organization_iam_custom_role|iam_workload_identity_pool\\w*|iam_deny_policy|organization_policy|org_policy_policy)$|^azurerm_(role_assignment|role_definition|user_assigned_identity|federated_identity_credential|key_vault_access_policy|pim_\\w+|marketplace_role_assignment)$|^azuread_(group|group_member|service_principal|app_role_assignment|directory_role|directory_role_assignment|directory_role_member|custom_directory_role|administrative_unit_member|service_principal_delegated_permission_grant|user)$|^aws_(s3_bucket_policy|s3_bucket_acl|s3_bucket_public_access_block|s3_account_public_access_block|s3_access_point_policy|sqs_queue_policy|sns_topic_policy|ecr_repository_policy|ecr_registry_policy|lambda_permission|lambda_layer_version_permission|kms_grant|glacier_vault_lock|secretsmanager_secret_policy|organizations_policy|organizations_policy_attachment|ssoadmin_\\w+|identitystore_\\w+|lakeformation_permissions|cloudwatch_log_resource_policy|api_gateway_rest_api_policy|opensearch_domain_policy|elasticsearch_domain_policy|efs_file_system_policy|backup_vault_policy|glue_resource_policy|iot_policy|iot_policy_attachment|eks_access_entry|eks_access_policy_association|rds_cluster_role_association|db_instance_role_association)$|^kubernetes_(cluster_role|cluster_role_binding|role|role_binding|service_account)(_v1)?$|^(vault_policy|vault_\\w+_auth_backend_role|vault_\\w+_secret_backend_role|github_membership|github_team_membership|github_team_members|github_repository_collaborator|github_team_repository|gitlab_project_membership|gitlab_group_membership|okta_group_role|okta_user_admin_roles|okta_app_group_assignment|cloudflare_account_member|mongodbatlas_database_user|oci_identity_policy|databricks_permissions|databricks_grants)$|^(postgresql|mysql|mssql|snowflake|redshift|clickhouse)_(role|user|grant|grant_role|default_privileges|role_grants|account_role|database_role|grant_privileges_to_\\w+|grant_account_role)$")
 (#not-match? @type "(?-u)^aws_iam_server_certificate$"))

; Policy documents built in a data source.
((block
   . (identifier) @kind
   . [(string_lit (template_literal) @type @name) (identifier) @type @name]
   . [(string_lit (template_literal) @name) (identifier) @name]) @risk.iam
 (#eq? @kind "data")
 (#any-of? @type "aws_iam_policy_document" "google_iam_policy" "azurerm_role_definition_document"))

; Policies written inline: `jsonencode({ Statement = [...] })`, heredoc JSON.
((function_call . (identifier) @name) @risk.iam
 (#eq? @name "jsonencode")
 (#match? @risk.iam "(?-u)[{,\\s]\"?Statement\"?\\s*[=:]"))
((attribute
   . (identifier) @name
   . (expression (template_expr (heredoc_template)))) @risk.iam
 (#match? @risk.iam "(?-u)\"Statement\"\\s*:"))

; Settings that grant or change privileges:
; - wildcard actions and principals in policy statements: `actions = ["s3:*"]`, `identifiers = ["*"]`;
; - a policy read from a file: `policy = templatefile("policies/deploy.json", ..)`;
; - who a workload runs as: instance profiles, task roles, service accounts;
; - privileged containers and root users;
; - S3 ACLs that grant the world access (an access-control list is IAM) and public-access blocks
;   switched off.
((attribute . (identifier) @name) @risk.iam
 (#any-of? @name "actions" "not_actions" "identifiers" "policy" "assume_role_policy" "inline_policy" "policy_document" "access_policy" "iam_instance_profile" "task_role_arn" "execution_role_arn" "service_account_name" "service_account_email" "automount_service_account_token" "privileged" "allow_privilege_escalation" "host_pid" "host_ipc" "run_as_user" "run_as_group" "acl" "block_public_acls" "block_public_policy" "ignore_public_acls" "restrict_public_buckets")
 (#match? @risk.iam "(?-u)(?s)^(not_)?actions\\s*=.*\"([\\w-]+:)?\\*\"|^identifiers\\s*=\\s*\\[\\s*\"\\*\"\\s*,?\\s*\\]$|^(policy|assume_role_policy|inline_policy|policy_document|access_policy)\\s*=\\s*(file|templatefile)\\(|^(iam_instance_profile|task_role_arn|execution_role_arn|service_account_name|service_account_email|automount_service_account_token)\\s*=|^(privileged|allow_privilege_escalation|host_pid|host_ipc)\\s*=\\s*true$|^(run_as_user|run_as_group)\\s*=\\s*0$|^acl\\s*=\\s*\"(public-read|public-read-write|authenticated-read)\"$|^(block_public_acls|block_public_policy|ignore_public_acls|restrict_public_buckets)\\s*=\\s*false$"))
; The same in jsonencode policies: `Action = "*"`, `Action = ["s3:*"]`, `Principal = "*"`,
; `Principal = { AWS = "*" }`.
((object_elem . (expression) @name) @risk.iam
 (#any-of? @name "Action" "NotAction" "Principal" "\"Action\"" "\"NotAction\"" "\"Principal\"")
 (#match? @risk.iam "(?-u)(?s)^\"?(Not)?Action\"?\\s*[=:].*\"([\\w-]+:)?\\*\"|^\"?Principal\"?\\s*[=:]\\s*(\"\\*\"$|\\{\\s*\"?AWS\"?\\s*[=:]\\s*\\[?\\s*\"\\*\")"))

; Module inputs and attributes that create or attach roles and policies, or grant cluster admin:
; `create_iam_role = true`, `iam_role_additional_policies = {..}`, `role_policy_arns = [..]`,
; `enable_cluster_creator_admin_permissions = true`, `aws_auth_roles = [..]`.
([(attribute . (identifier) @name) (object_elem . (expression) @name)] @risk.iam
 (#match? @name "(?-u)(^|_)(iam_roles?|iam_polic(y|ies)|iam_role_policy_attachments|role_policy_arns|managed_policy_arns|additional_policies|policy_arns|permissions_boundary|admin_permissions|access_entries|aws_auth_roles|aws_auth_users|aws_auth_accounts|map_roles|map_users|trusted_role_arns|trusted_role_services|oidc_providers)(_|$)"))
; A GCE instance's service account and scopes; the role a provider or backend assumes.
((block . (identifier) @name . (block_start)) @risk.iam
 (#any-of? @name "service_account" "assume_role" "assume_role_with_web_identity"))
; Vault policies: `path "secret/*" { capabilities = ["read"] }`.
((block . (identifier) @kind . [(string_lit (template_literal) @name) (identifier) @name]) @risk.iam
 (#eq? @kind "path"))

; Modules are matched by their source, the way a reviewer reads them: `source =
; "terraform-aws-modules/iam/aws//modules/iam-assumable-role"` is an IAM change.
((block . (identifier) @kind . [(string_lit (template_literal) @name) (identifier) @name]) @risk.iam
 (#eq? @kind "module")
 (#match? @risk.iam "(?-u)(?m)^\\s*source\\s*=\\s*\"[^\"\\n]*(\\biam\\b|[/_-]iam[/_-]|rbac|role-binding|service-account|workload-identity|permission-set|[/_-]sso[/_-]|ssoadmin)"))

; =====================================================================================================
; auth: authentication, sessions, tokens, passwords, permission checks, access-control decisions
; =====================================================================================================

; User pools, identity providers, authorizers, OAuth/OIDC applications, zero-trust access.
((block
   . (identifier) @kind
   . [(string_lit (template_literal) @type @name) (identifier) @type @name]
   . [(string_lit (template_literal) @name) (identifier) @name]) @risk.auth
 (#eq? @kind "resource")
 (#match? @type "(?-u)^aws_cognito_\\w+$|^aws_(api_gateway|apigatewayv2)_authorizer$|^aws_iam_(openid_connect|saml)_provider$|^aws_verifiedaccess_\\w+$|^google_identity_platform_\\w+$|^google_iap_(brand|client|settings)$|^(auth0|okta|keycloak|authentik|zitadel|fusionauth)_\\w+$|^azuread_(application|application_registration|conditional_access_policy|named_location|authentication_strength_policy)$|^cloudflare_(access_\\w+|zero_trust_access_\\w+)$|^vault_(\\w+_)?auth_backend$|^vault_(jwt|oidc)_auth_backend\\w*$")
 (#not-match? @type "(?-u)_(role|roles|group_role|user_admin_roles|group_memberships?|app_group_assignment)$"))
; Who may call an API: authorization settings on methods, routes, function URLs; MFA; anonymous access.
((attribute . (identifier) @name) @risk.auth
 (#any-of? @name "authorization" "authorization_type" "authorizer_id" "api_key_required" "authorization_scopes" "mfa_configuration" "allow_unauthenticated_identities" "anonymous_auth_enabled" "auth_enabled"))
((block . (identifier) @name . (block_start)) @risk.auth
 (#any-of? @name "authenticate_oidc" "authenticate_cognito" "password_policy" "jwt_configuration" "auth_settings" "auth_settings_v2" "iap"))

; =====================================================================================================
; dns: name resolution, DNS records and zones, resolvers, TTLs, service discovery
; =====================================================================================================

((block
   . (identifier) @kind
   . [(string_lit (template_literal) @type @name) (identifier) @type @name]
   . [(string_lit (template_literal) @name) (identifier) @name]) @risk.dns
 (#eq? @kind "resource")
 (#match? @type "(?-u)^aws_route53\\w*$|^aws_service_discovery_\\w+$|^aws_vpc_dhcp_options(_association)?$|^google_dns_\\w+$|^azurerm_(private_)?dns_\\w+$|^cloudflare_(record|dns_record|zone|zone_dnssec|dns_\\w+)$|(^|_)(dns|alidns|dnspod|rdns)(_|$)|^(digitalocean|linode|vultr|exoscale|scaleway|ovh|hetznerdns|ns1|dnsimple|powerdns|godaddy|gandi_livedns|namecheap|porkbun|constellix|rfc2136|ultradns|netlify|vercel)_\\w*(domain|record|records|zone|dns)\\w*$"))
((attribute . (identifier) @name) @risk.dns
 (#any-of? @name "enable_dns_support" "enable_dns_hostnames" "domain_name_servers" "dns_servers" "private_dns_enabled" "nameservers" "name_servers"))
((block . (identifier) @name . (block_start)) @risk.dns
 (#any-of? @name "dns_config" "dns_policy_config"))
((block . (identifier) @kind . [(string_lit (template_literal) @name) (identifier) @name]) @risk.dns
 (#eq? @kind "module")
 (#match? @risk.dns "(?-u)(?m)^\\s*source\\s*=\\s*\"[^\"\\n]*(route53|[/_-]dns([/_-]|\"|$)|cloud-dns|dns-zone|dns-record)"))

; =====================================================================================================
; network: listeners, ports, bind addresses, firewalls and security groups, CORS, proxies, routing
; =====================================================================================================

; Security groups and firewalls, load balancers and listeners, gateways, routes, peering, WAFs,
; public endpoints, Kubernetes services and ingresses.
((block
   . (identifier) @kind
   . [(string_lit (template_literal) @type @name) (identifier) @type @name]
   . [(string_lit (template_literal) @name) (identifier) @name]) @risk.network
 (#eq? @kind "resource")
 (#match? @type "(?-u)^aws_(default_)?security_group(_rule)?$|^aws_(vpc|subnet|route_table|route_table_association|lb_target_group|lb_target_group_attachment|vpc_endpoint|flow_log)$|^google_compute_(network|subnetwork)$|^azurerm_(virtual_network|subnet|subnet_network_security_group_association)$|^aws_vpc_security_group_(ingress|egress)_rule$|^aws_(default_)?network_acl(_rule)?$|^aws_(lb|alb)(_listener|_listener_rule)?$|^aws_elb$|^aws_(internet_gateway|egress_only_internet_gateway|nat_gateway|vpc_peering_connection\\w*|route|vpn_connection\\w*|vpn_gateway\\w*|ec2_transit_gateway_route\\w*|eip|eip_association|networkfirewall_\\w+|wafv2_\\w+|waf_\\w+|wafregional_\\w+|api_gateway_rest_api|api_gateway_method|apigatewayv2_api|apigatewayv2_route|lambda_function_url|cloudfront_distribution|globalaccelerator_\\w+|vpc_endpoint_service|lightsail_instance_public_ports|ec2_client_vpn_\\w+)$|^google_compute_(firewall|firewall_policy\\w*|network_firewall_policy\\w*|region_network_firewall_policy\\w*|security_policy|forwarding_rule|global_forwarding_rule|target_http_proxy|target_https_proxy|url_map|router_nat|network_peering|route)$|^azurerm_(network_security_group|network_security_rule|firewall\\w*|public_ip\\w*|lb|lb_rule|lb_nat_rule|application_gateway|frontdoor\\w*|cdn_frontdoor_route|virtual_network_peering|route|route_table|web_application_firewall_policy)$|^kubernetes_(service|ingress|network_policy)(_v1)?$|^(digitalocean|hcloud|linode|vultr|scaleway|exoscale|upcloud|ovh|oci_core)_\\w*(firewall|security_list|security_group)\\w*$|^openstack_(networking_secgroup\\w*|fw_\\w+|lb_listener\\w*)$|^cloudflare_(firewall_rule|ruleset|access_rule|filter|load_balancer\\w*|spectrum_application|tunnel\\w*|zero_trust_tunnel\\w*)$"))

; The world let in: 0.0.0.0/0 or ::/0 on an ingress rule (egress to anywhere is the norm and not
; flagged), `*`/`Internet` as the source of an Azure inbound rule.
; ...in inline `ingress {}` / `inbound_rule {}` / `security_rule {}` blocks;
((block
   . (identifier) @b
   . (block_start)
   (body ((attribute . (identifier) @name) @risk.network)) @body)
 (#any-of? @b "ingress" "inbound_rule" "security_rule")
 (#any-of? @name "cidr_blocks" "ipv6_cidr_blocks" "cidr_block" "ipv6_cidr_block" "source_addresses" "source_address_prefix" "source_address_prefixes")
 (#match? @risk.network "(?-u)\"(0\\.0\\.0\\.0/0|::/0|\\*|Internet|Any)\"")
 (#match? @body "(?-u)(?i)\\bdirection\\s*=\\s*\"inbound\"|\\b(cidr_blocks|ipv6_cidr_blocks|cidr_block|ipv6_cidr_block|source_addresses)\\s*="))
; ...in rule resources;
((block
   . (identifier) @kind
   . [(string_lit (template_literal) @type) (identifier) @type]
   . [(string_lit) (identifier)]
   . (block_start)
   (body ((attribute . (identifier) @name) @risk.network)) @body)
 (#eq? @kind "resource")
 (#any-of? @type "aws_security_group_rule" "aws_vpc_security_group_ingress_rule" "azurerm_network_security_rule")
 (#any-of? @name "cidr_blocks" "ipv6_cidr_blocks" "cidr_ipv4" "cidr_ipv6" "source_address_prefix" "source_address_prefixes")
 (#match? @risk.network "(?-u)\"(0\\.0\\.0\\.0/0|::/0|\\*|Internet|Any)\"")
 (#match? @body "(?-u)\\btype\\s*=\\s*\"ingress\"|\\bdirection\\s*=\\s*\"Inbound\"|\\bcidr_ipv[46]\\s*="))
; ...as a firewall's sources; and public exposure switches.
((attribute . (identifier) @name) @risk.network
 (#any-of? @name "source_ranges" "source_ips" "source_addresses" "publicly_accessible" "associate_public_ip_address" "map_public_ip_on_launch" "host_network" "public_network_access_enabled" "workers_dev" "endpoint_public_access" "cluster_endpoint_public_access" "public_access_enabled" "internal")
 (#match? @risk.network "(?-u)(?s)^(source_ranges|source_ips|source_addresses)\\s*=.*\"(0\\.0\\.0\\.0/0|::/0)\"|^(publicly_accessible|associate_public_ip_address|map_public_ip_on_launch|host_network|public_network_access_enabled|workers_dev|endpoint_public_access|cluster_endpoint_public_access|public_access_enabled)\\s*=\\s*true$|^internal\\s*=\\s*false$"))
; Who may reach a cluster's control plane or a database: `master_authorized_networks_config {}`,
; `authorized_networks {}`, `ip_configuration { authorized_networks {} }`.
((block . (identifier) @name . (block_start)) @risk.network
 (#any-of? @name "master_authorized_networks_config" "authorized_networks" "private_cluster_config" "vpc_config" "network_rules" "network_acls" "ip_restriction"))
; CORS.
((block . (identifier) @name . (block_start)) @risk.network
 (#any-of? @name "cors_rule" "cors_configuration" "cors" "cors_policy"))
; Nomad: `port "http" { static = 8080 }`.
((block . (identifier) @kind . [(string_lit (template_literal) @name) (identifier) @name]) @risk.network
 (#eq? @kind "port"))
; Allow-lists and ingress rules that let the world in, under names that say what they are for
; (`allowed_cidrs`, `ingress_with_cidr_blocks = [{ ... }]`, `security_group_ingress = { ... }` in
; tfvars), as attributes and variable defaults.
((attribute . (identifier) @name . (expression) @v) @risk.network
 (#match? @name "(?-u)(?i)(^|_)(allowed|ingress|inbound|trusted|whitelist(ed)?|allowlist(ed)?|ssh|rdp|admin|management|office|vpn)(_|$)|^(\\w+_)?(source|public)_(\\w+_)?(cidrs?|cidr_blocks|cidr_ranges|ips|ip_ranges|ip_addresses|ranges|networks|prefixes|addresses)$")
 (#match? @v "(?-u)\"(0\\.0\\.0\\.0/0|::/0)\""))
((block . (identifier) @kind . [(string_lit (template_literal) @name) (identifier) @name]) @risk.network
 (#eq? @kind "variable")
 (#match? @name "(?-u)(?i)^(\\w+_)?(allowed|ingress|inbound|source|trusted|whitelist(ed)?|allowlist(ed)?|ssh|rdp|admin|public|management|office|vpn)_(\\w+_)?(cidrs?|cidr_blocks|cidr_ranges|ips|ip_ranges|ip_addresses|ranges|networks|prefixes|addresses)$")
 (#match? @risk.network "(?-u)(?s)\\bdefault\\s*=.*\"(0\\.0\\.0\\.0/0|::/0)\""))
; Modules by source: security groups, firewalls, load balancers.
((block . (identifier) @kind . [(string_lit (template_literal) @name) (identifier) @name]) @risk.network
 (#eq? @kind "module")
 (#match? @risk.network "(?-u)(?m)^\\s*source\\s*=\\s*\"[^\"\\n]*(security-group|security_group|firewall|[/_-](alb|elb|nlb|lb)([/_-]|\"|$)|load-balancer|api-gateway|apigateway|cloudfront|network-security-group)"))

; =====================================================================================================
; crypto: TLS settings, certificate verification, ciphers, signing, randomness for security
; =====================================================================================================

; Keys, certificates, certificate authorities, TLS policies, encryption configuration.
((block
   . (identifier) @kind
   . [(string_lit (template_literal) @type @name) (identifier) @type @name]
   . [(string_lit (template_literal) @name) (identifier) @name]) @risk.crypto
 (#eq? @kind "resource")
 (#match? @type "(?-u)^aws_(kms_\\w+|acm_certificate\\w*|acmpca_\\w+|iam_server_certificate|cloudhsm_v2_\\w+|s3_bucket_server_side_encryption_configuration|ebs_encryption_by_default|ebs_default_kms_key|lb_listener_certificate|signer_\\w+)$|^google_(kms_\\w+|compute_(region_)?ssl_certificate|compute_managed_ssl_certificate|compute_ssl_policy|certificate_manager_\\w+|privateca_\\w+)$|^azurerm_(key_vault_key|key_vault_certificate\\w*|app_service_certificate\\w*|disk_encryption_set|\\w+_customer_managed_key)$|^tls_\\w+$|^acme_\\w+$|^vault_pki_\\w+$|^cloudflare_(origin_ca_certificate|certificate_pack|zone_settings_override)$|^kubernetes_certificate_signing_request(_v1)?$")
 (#not-match? @type "(?-u)_iam_|^aws_kms_grant$"))
; TLS versions and policies; certificate verification switched off; encryption switched off.
((attribute . (identifier) @name) @risk.crypto
 (#any-of? @name "ssl_policy" "min_tls_version" "minimum_tls_version" "minimal_tls_version" "min_tls_version_allowed" "minimum_protocol_version" "ssl_minimal_tls_version_enforced" "tls_policy" "ssl_support_method" "viewer_protocol_policy" "cipher_suites" "ciphers" "ssl_mode" "require_ssl" "insecure" "insecure_skip_verify" "skip_tls_verify" "tls_insecure_skip_verify" "tls_skip_verify" "skip_cert_verify" "encrypted" "storage_encrypted" "encryption_enabled" "enable_encryption" "at_rest_encryption_enabled" "transit_encryption_enabled" "ssl_enforcement_enabled" "https_only" "enable_https_traffic_only" "https_traffic_only_enabled" "verify_ssl" "tls_verify" "ssl_verify")
 (#match? @risk.crypto "(?-u)^(ssl_policy|min_tls_version|minimum_tls_version|minimal_tls_version|min_tls_version_allowed|minimum_protocol_version|ssl_minimal_tls_version_enforced|tls_policy|ssl_support_method|viewer_protocol_policy|cipher_suites|ciphers|ssl_mode|require_ssl)\\s*=|^(insecure|insecure_skip_verify|skip_tls_verify|tls_insecure_skip_verify|tls_skip_verify|skip_cert_verify)\\s*=\\s*true$|^(encrypted|storage_encrypted|encryption_enabled|enable_encryption|at_rest_encryption_enabled|transit_encryption_enabled|ssl_enforcement_enabled|https_only|enable_https_traffic_only|https_traffic_only_enabled|verify_ssl|tls_verify|ssl_verify)\\s*=\\s*false$"))
((block . (identifier) @name . (block_start)) @risk.crypto
 (#eq? @name "server_side_encryption_configuration"))
((block . (identifier) @kind . [(string_lit (template_literal) @name) (identifier) @name]) @risk.crypto
 (#eq? @kind "module")
 (#match? @risk.crypto "(?-u)(?m)^\\s*source\\s*=\\s*\"[^\"\\n]*([/_-]kms([/_-]|\"|$)|[/_-]acm([/_-]|\"|$)|certificate|key-vault-key|cloud-kms)"))

; =====================================================================================================
; secrets: credentials, API keys, secret loading and storage, hard-coded secrets
; =====================================================================================================

; Secret stores and generated secrets; SSM parameters that are SecureStrings.
((block
   . (identifier) @kind
   . [(string_lit (template_literal) @type @name) (identifier) @type @name]
   . [(string_lit (template_literal) @name) (identifier) @name]) @risk.secrets
 (#eq? @kind "resource")
 (#match? @type "(?-u)^aws_secretsmanager_secret\\w*$|^aws_iam_access_key$|^aws_iam_user_login_profile$|^google_secret_manager_secret\\w*$|^google_service_account_key$|^azurerm_key_vault(_secret)?$|^azuread_(application|service_principal)_(password|certificate)$|^random_password$|^vault_(generic_secret|kv_secret\\w*|generic_endpoint)$|^kubernetes_secret(_v1)?$|^github_(actions|dependabot|codespaces)_(organization_|environment_)?secret$|^gitlab_(project|group)_variable$|^(doppler_secret|onepassword_item|hcp_vault_secrets_secret|mongodbatlas_database_user)$"))
((block
   . (identifier) @kind
   . [(string_lit (template_literal) @type @name) (identifier) @type @name]
   . [(string_lit (template_literal) @name) (identifier) @name]) @risk.secrets
 (#eq? @kind "resource")
 (#eq? @type "aws_ssm_parameter")
 (#match? @risk.secrets "(?-u)\\btype\\s*=\\s*\"SecureString\""))
; Secrets read from a store; short-lived tokens fetched for a provider (`aws_eks_cluster_auth`).
((block
   . (identifier) @kind
   . [(string_lit (template_literal) @type @name) (identifier) @type @name]
   . [(string_lit (template_literal) @name) (identifier) @name]) @risk.secrets
 (#eq? @kind "data")
 (#match? @type "(?-u)^aws_secretsmanager_secret_version$|^google_secret_manager_secret_version(_access)?$|^azurerm_key_vault_secret$|^vault_(generic_secret|kv_secret\\w*|aws_access_credentials|azure_access_credentials)$|^kubernetes_secret(_v1)?$|^(sops_file|sops_external|onepassword_item|doppler_secrets|hcp_vault_secrets_app)$|^aws_(ecr|ecrpublic)_authorization_token$|^aws_eks_cluster_auth$|^google_client_config$"))

; A credential written as a literal (or read from a key file) under a name that says it is one:
; `master_password = "hunter2"`, `secret_key = "..."`, `credentials = file("sa.json")`. The same in
; maps and `jsonencode` objects: `environment { variables = { API_KEY = "..." } }`. Not a reference
; (`var.db_password`), not an interpolation (`"${var.token}"`), not an empty string.
((attribute . (identifier) @name . (expression) @v) @risk.secrets
 (#match? @name "(?-u)(?i)^(\\w+_)?(password|passwd|passphrase|secret|secret_key|secret_access_key|access_key|api_key|apikey|token|client_secret|private_key|private_key_pem|credentials|connection_string|sas_token|secret_string|shared_key|primary_key)$")
 (#not-match? @name "(?-u)(?i)^(creation|idempotency|client_request|client|continuation|pagination|next|retention|kms)_")
 (#match? @v "(?-u)^\"[^\"$][^\"]*\"$|^(file|filebase64)\\("))
((object_elem . (expression) @name . (expression) @v) @risk.secrets
 (#match? @name "(?-u)(?i)^\"?(\\w+_)?(password|passwd|passphrase|secret|secret_key|secret_access_key|access_key|api_key|apikey|token|client_secret|private_key|credentials|connection_string|sas_token|dsn)\"?$")
 (#not-match? @name "(?-u)(?i)^\"?(creation|idempotency|client_request|client|continuation|pagination|next)_")
 (#match? @v "(?-u)^\"[^\"$][^\"]*\"$"))
;  Where a password is wired into a resource, whatever it is read from: `master_password =
; random_password.db.result`, `password = data.aws_secretsmanager_secret_version.db.secret_string`.
((attribute . (identifier) @name . (expression) @v) @risk.secrets
 (#match? @name "(?-u)(?i)^(\\w+_)?(password|passwd|passphrase)$")
 (#not-match? @v "(?-u)^(null|\"\"|true|false)$"))
; ECS container definitions: `{ name = "DB_PASSWORD", value = "hunter2" }`.
((object) @risk.secrets
 (#match? @risk.secrets "(?-u)^\\{\\s*\"?name\"?\\s*[=:]\\s*\"\\w*(?i:password|passwd|secret|token|api_key|apikey|access_key|secret_key|private_key|credentials|dsn)\"\\s*,?\\s*\"?value\"?\\s*[=:]\\s*\"[^\"$]"))
; Literals that are credentials whatever they are called: AWS keys, GitHub, GitLab, Slack, Stripe
; tokens, URLs with a password, PEM private keys.
((attribute . (identifier) @name . (expression) @v) @risk.secrets
 (#match? @v "(?-u)^\"((AKIA|ASIA)[0-9A-Z]{16}\"$|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_|glpat-|xox[abprs]-|sk_live_|rk_live_|[a-z][a-z0-9+]*://[^/\\s:@\"]+:[^@/\\s$\"]+@)|^<<-?\\w+\\s+-----BEGIN [A-Z ]*PRIVATE KEY-----"))
((object_elem . (expression) @name . (expression) @v) @risk.secrets
 (#match? @v "(?-u)^\"((AKIA|ASIA)[0-9A-Z]{16}\"$|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_|glpat-|xox[abprs]-|sk_live_|rk_live_|[a-z][a-z0-9+]*://[^/\\s:@\"]+:[^@/\\s$\"]+@)"))

; A variable whose default is a secret: `variable "db_password" { default = "..." }`.
((block . (identifier) @kind . [(string_lit (template_literal) @name) (identifier) @name]) @risk.secrets
 (#eq? @kind "variable")
 (#match? @name "(?-u)(?i)^(\\w+_)?(password|passwd|passphrase|secret|secret_key|access_key|api_key|apikey|token|client_secret|private_key|credentials)$")
 (#not-match? @name "(?-u)(?i)^(creation|idempotency|client_request|kms)_")
 (#match? @risk.secrets "(?-u)\\bdefault\\s*=\\s*\"[^\"$]"))
; An output that hands out a secret without `sensitive = true`.
((block . (identifier) @kind . [(string_lit (template_literal) @name) (identifier) @name]) @risk.secrets
 (#eq? @kind "output")
 (#match? @risk.secrets "(?-u)(?m)^\\s*value\\s*=[^\\n]*(?i:password|secret|private_key|access_key|api_key|token|credentials|connection_string|kubeconfig|random_password\\.\\w+\\.result\\b)")
 (#not-match? @risk.secrets "(?-u)(?m)\\bsensitive\\s*=\\s*true|^\\s*value\\s*=[^\\n]*[._](arn|id|name)\\s*$"))
; Modules by source: secret stores.
((block . (identifier) @kind . [(string_lit (template_literal) @name) (identifier) @name]) @risk.secrets
 (#eq? @kind "module")
 (#match? @risk.secrets "(?-u)(?m)^\\s*source\\s*=\\s*\"[^\"\\n]*(secrets-manager|secretsmanager|secret-manager|key-vault([/_-]|\"|$)|[/_-]vault-secrets?|ssm-parameter)"))
; Provider and backend blocks that carry credentials.
((block . (identifier) @kind . [(string_lit (template_literal) @name) (identifier) @name]) @risk.secrets
 (#any-of? @kind "provider" "backend")
 (#match? @risk.secrets "(?-u)(?m)^\\s*(access_key|secret_key|token|password|client_secret|client_certificate_password|credentials|api_token|api_key|api_secret|auth_token|private_key|sas_token|client_certificate_path|shared_credentials_files?)\\s*="))

; =====================================================================================================
; data: destructive or schema-changing data operations: DELETE, DROP, TRUNCATE, migrations,
; recursive deletes
; =====================================================================================================

; Deletion safeguards switched off, final snapshots and backups skipped, buckets and zones destroyed
; with their contents, secrets deleted without a recovery window.
((attribute . (identifier) @name) @risk.data
 (#any-of? @name "deletion_protection" "deletion_protection_enabled" "enable_deletion_protection" "prevent_destroy" "termination_protection" "skip_final_snapshot" "force_destroy" "delete_automated_backups" "purge_soft_delete_on_destroy" "purge_soft_deleted_keys_on_destroy" "purge_soft_deleted_secrets_on_destroy" "force_delete" "delete_contents_on_destroy" "allow_drop" "backup_retention_period" "recovery_window_in_days" "retention_period_in_days" "soft_delete_retention_days")
 (#match? @risk.data "(?-u)^(deletion_protection|deletion_protection_enabled|enable_deletion_protection|prevent_destroy|termination_protection)\\s*=\\s*false$|^(skip_final_snapshot|force_destroy|delete_automated_backups|purge_soft_delete_on_destroy|purge_soft_deleted_keys_on_destroy|purge_soft_deleted_secrets_on_destroy|force_delete|delete_contents_on_destroy|allow_drop)\\s*=\\s*true$|^(backup_retention_period|recovery_window_in_days|retention_period_in_days|soft_delete_retention_days)\\s*=\\s*0$"))
; Object expiry: S3 lifecycle `expiration`, GCS `action { type = "Delete" }`; Terraform 1.7
; `removed { lifecycle { destroy = true } }`.
((block . (identifier) @name . (block_start)) @risk.data
 (#any-of? @name "expiration" "noncurrent_version_expiration" "action" "removed")
 (#match? @risk.data "(?-u)^(expiration|noncurrent_version_expiration)\\b|^action\\s*\\{[^}]*\\btype\\s*=\\s*\"Delete\"|^removed\\s*\\{(?s:.*)\\bdestroy\\s*=\\s*true\\b"))
; Databases, schemas and tables managed as resources: a change can drop and recreate them.
((block
   . (identifier) @kind
   . [(string_lit (template_literal) @type @name) (identifier) @type @name]
   . [(string_lit (template_literal) @name) (identifier) @name]) @risk.data
 (#eq? @kind "resource")
 (#match? @type "(?-u)^(postgresql|mysql|mssql|snowflake|clickhouse|redshift)_(database|schema|table)$|^aws_dynamodb_table$|^aws_glue_catalog_(database|table)$|^google_bigquery_(dataset|table)$|^google_sql_database$|^azurerm_(mssql|postgresql_flexible_server|mysql_flexible_server)_database$"))

; =====================================================================================================
; deploy: CI/CD, infrastructure as code, containers, rollouts, scaling, process execution
; =====================================================================================================

; Rollout, scaling and workload resources; pipelines.
((block
   . (identifier) @kind
   . [(string_lit (template_literal) @type @name) (identifier) @type @name]
   . [(string_lit (template_literal) @name) (identifier) @name]) @risk.deploy
 (#eq? @kind "resource")
 (#match? @type "(?-u)^aws_(autoscaling_group|autoscaling_policy|autoscaling_schedule|appautoscaling_\\w+|ecs_service|ecs_task_definition|launch_template|launch_configuration|codedeploy_\\w+|codepipeline\\w*|codebuild_project|elastic_beanstalk_environment|apprunner_service|lambda_alias|eks_node_group)$|^kubernetes_(deployment|stateful_set|daemon_set|daemonset|job|cron_job|horizontal_pod_autoscaler|pod)(_v1|_v2|_v2beta2)?$|^helm_release$|^google_(cloud_run_service|cloud_run_v2_service|cloud_run_v2_job|container_node_pool|compute_instance_group_manager|compute_region_instance_group_manager|compute_autoscaler|compute_region_autoscaler|clouddeploy_\\w+|cloudbuild_trigger|app_engine_\\w+_version)$|^azurerm_(kubernetes_cluster_node_pool|linux_virtual_machine_scale_set|windows_virtual_machine_scale_set|orchestrated_virtual_machine_scale_set|container_app|container_group|monitor_autoscale_setting)$|^(docker_container|docker_service|nomad_job|kubectl_manifest|kubernetes_manifest)$"))
; `lifecycle` blocks: prevent_destroy, create_before_destroy, ignore_changes, replace_triggered_by;
; Terraform Cloud's `cloud {}` (where the state and runs live).
((block . (identifier) @name . (block_start)) @risk.deploy
 (#any-of? @name "lifecycle" "cloud"))
; Replica and capacity counts (also as module inputs: `eks_managed_node_groups = { x = { min_size
; = 2 } }`), rollout percentages, forced redeploys; code run at boot.
([(attribute . (identifier) @name) (object_elem . (expression) @name)] @risk.deploy
 (#any-of? @name "desired_count" "desired_capacity" "desired_size" "min_size" "max_size" "min_capacity" "max_capacity" "replicas" "replica_count" "min_replicas" "max_replicas" "node_count" "min_node_count" "max_node_count" "initial_node_count" "instance_count" "min_instance_count" "max_instance_count" "min_instances" "max_instances" "target_size" "deployment_minimum_healthy_percent" "deployment_maximum_percent" "force_new_deployment" "max_unavailable" "max_surge" "max_unavailable_percentage" "user_data" "user_data_base64" "metadata_startup_script" "custom_data" "startup_script"))
; Commands Terraform runs itself; where the state lives; a module fetched from git without a
; pinned ref; Nomad task groups (`group "web" { count = 3 }`).
((block . (identifier) @kind . [(string_lit (template_literal) @name) (identifier) @name]) @risk.deploy
 (#any-of? @kind "provisioner" "backend" "group"))
((block . (identifier) @kind . [(string_lit (template_literal) @name) (identifier) @name]) @risk.deploy
 (#eq? @kind "module")
 (#match? @risk.deploy "(?-u)(?m)^\\s*source\\s*=\\s*\"(git::|git@|github\\.com/|bitbucket\\.org/|hg::)")
 (#not-match? @risk.deploy "(?-u)(?m)^\\s*source\\s*=\\s*\"[^\"\\n]*[?&]ref="))
; A variable that sets a replica count.
((block . (identifier) @kind . [(string_lit (template_literal) @name) (identifier) @name]) @risk.deploy
 (#eq? @kind "variable")
 (#match? @name "(?-u)(?i)^(\\w+_)?(desired_count|desired_capacity|min_size|max_size|replicas|replica_count|instance_count|node_count|min_capacity|max_capacity)$")
 (#match? @risk.deploy "(?-u)\\bdefault\\s*="))

; =====================================================================================================
; config: configuration loading and defaults, feature flags, environment variables, timeouts,
; retries, limits
; =====================================================================================================

; Configuration stores and feature flags as resources; SSM parameters that are not SecureStrings.
((block
   . (identifier) @kind
   . [(string_lit (template_literal) @type @name) (identifier) @type @name]
   . [(string_lit (template_literal) @name) (identifier) @name]) @risk.config
 (#eq? @kind "resource")
 (#match? @type "(?-u)^aws_appconfig_\\w+$|^launchdarkly_\\w+$|^azurerm_app_configuration_(key|feature)$|^google_runtimeconfig_\\w+$|^consul_(keys|key_prefix)$|^kubernetes_config_map(_v1)?$|^(configcat|flagsmith|unleash|split)_\\w+$"))
((block
   . (identifier) @kind
   . [(string_lit (template_literal) @type @name) (identifier) @type @name]
   . [(string_lit (template_literal) @name) (identifier) @name]) @risk.config
 (#eq? @kind "resource")
 (#eq? @type "aws_ssm_parameter")
 (#not-match? @risk.config "(?-u)\\btype\\s*=\\s*\"SecureString\""))
; Environment variables of functions, containers and apps.
((block . (identifier) @name . (block_start)) @risk.config
 (#any-of? @name "environment" "env"))
((attribute . (identifier) @name . (expression (collection_value))) @risk.config
 (#any-of? @name "app_settings" "environment_variables" "env_vars" "environment"))
((object_elem . (expression) @name . (expression (collection_value))) @risk.config
 (#any-of? @name "environment" "environmentFiles" "\"environment\""))
; Timeouts, retries, limits, concurrency (not Terraform's own `timeouts { create = "30m" }`).
((attribute . (identifier) @name) @risk.config
 (#match? @name "(?-u)^(\\w+_)?timeout(_\\w+)?$|^(\\w+_)?(retries|retry_attempts|max_attempts)$|^(reserved_concurrent_executions|provisioned_concurrent_executions|memory_size|max_connections|max_concurrency|throttling_burst_limit|throttling_rate_limit|rate_limit|max_body_size|client_max_body_size|request_limit|quota_limit)$"))
; Feature flags and settings as variables: `variable "enable_new_checkout" { default = false }`.
((block . (identifier) @kind . [(string_lit (template_literal) @name) (identifier) @name]) @risk.config
 (#eq? @kind "variable")
 (#match? @name "(?-u)(?i)^(enable|disable|feature|flag|use|allow)_|_(enabled|disabled|flag)$|^debug$|^log_level$|^(\\w+_)?timeout(_\\w+)?$|^(\\w+_)?(retries|max_attempts)$|^(\\w+_)?(limit|quota|concurrency)$")
 (#match? @risk.config "(?-u)\\bdefault\\s*="))
