; Risk queries for python. Capture names say the category: @risk.<category>; @name names the hotspot.
;
; Conventions used below:
; - Compiling a pattern whose parent is a `call`, a `subscript` or an assignment to an attribute costs
;   about a millisecond each (tree-sitter analyses every parse state the children can appear in); a
;   pattern on a single node costs almost nothing. So most patterns here are a single node, a call
;   or an assignment, whose text is matched by a regex anchored at its start: the callee
;   ("^(subprocess|sp)\\s*\\.\\s*(run|Popen)\\s*\\("), or the name being assigned. A start-anchored
;   regex gives up at the first character that cannot match, so it costs a few bytes per node.
; - Methods called on any receiver (`session.query(..).filter(..).delete()`) are matched once per
;   category on the callee: `(call function: (attribute) @f)` with a regex anchored at the end,
;   "\\.\\s*(name|name2)$". End-anchored regexes run backwards from the end, so they cost the length
;   of the match, not of the text.
; - Every regex uses Rust `regex` syntax; backslashes are doubled because these are query strings.
;   Each starts with `(?-u)`: ASCII classes compile several times faster than Unicode ones.
; - The captured node is what a reviewer must look at: the decorator for an auth decorator, the
;   function for a definition, the call for a call, the assignment / keyword argument / dict pair for
;   a setting, the string for SQL or a credential.
; - Settings are recognised where they are written: `NAME = value` (module or class level),
;   `app.config["NAME"] = value`, `config.update(NAME=value)` and `{"NAME": value}`.

; =====================================================================================================
; auth: authentication, sessions, tokens, passwords, permission checks, access-control decisions
; =====================================================================================================

; Auth decorators: Django, Flask-Login, Flask-JWT-Extended, Flask-HTTPAuth, DRF, Starlette, authlib.
((decorator) @risk.auth
 (#match? @risk.auth "(?-u)^@\\s*(\\w+\\s*\\.\\s*)*(login_required|login_not_required|permission_required|permissions_required|user_passes_test|staff_member_required|superuser_required|admin_required|requires_auth|require_auth|auth_required|requires_login|require_login|jwt_required|fresh_jwt_required|jwt_optional|jwt_refresh_token_required|roles_required|roles_accepted|role_required|requires_roles?|requires_permissions?|require_permissions?|require_role|has_permission|has_role|scope_required|requires_scopes?|require_scopes?|token_required|token_auth_required|api_key_required|require_api_key|require_oauth|oidc_auth|accept_roles|csrf_exempt|csrf_protect|requires_csrf_token|ensure_csrf_cookie|permission_classes|authentication_classes|user_loader|request_loader|header_loader|token_loader|verify_password|verify_token|get_user_roles|user_lookup_loader|user_identity_loader|token_in_blocklist_loader|additional_claims_loader|expired_token_loader|invalid_token_loader|unauthorized_loader|unauthorized_handler|needs_refresh_handler)\\b|^@\\s*(\\w+\\.)*requires\\(|^@\\s*(\\w+\\.)*method_decorator\\((?:\\s|#[^\\n]*)*\\[?\\s*(\\w+\\.)*(login_required|permission_required|user_passes_test|staff_member_required|csrf_exempt)\\b"))

; Calls, by callee: FastAPI dependencies that authenticate and security schemes; login, logout and
; authenticate; password checks (bcrypt, passlib, argon2-cffi, werkzeug, Django); JWT (PyJWT,
; python-jose, authlib); Flask and Django sessions; credentials read from request headers and
; cookies; session cookies being set.
((call) @risk.auth
 (#match? @risk.auth "(?-u)^(?:Depends\\s*\\((?:\\s|#[^\\n]*)*(?:dependency\\s*=\\s*)?[\\w.]*(?i:auth|user|token|jwt|login|admin|permission|role|scope|api_?key|credential|session|bearer|oauth|principal|identity|verify|staff|owner)|(?:\\w+\\.)*Security\\s*\\(|(?:\\w+\\.)*(?:OAuth2PasswordBearer|OAuth2AuthorizationCodeBearer|HTTPBearer|HTTPBasic|HTTPDigest|APIKeyHeader|APIKeyCookie|APIKeyQuery|OpenIdConnect|JWTManager|LoginManager|HTTPTokenAuth|MultiAuth|CSRFProtect|PyJWKClient|JsonWebToken|OAuth2Session|KeycloakOpenID|ConfidentialClientApplication|PublicClientApplication)\\s*\\(|HTTPBasicAuth\\s*\\((?:\\s|#[^\\n]*)*\\)|(?:authenticate|login|logout|login_user|logout_user|confirm_login|update_session_auth_hash|check_password|check_password_hash|verify_password|get_jwt_identity|get_jwt|verify_jwt_in_request|create_access_token|create_refresh_token|decode_token|set_access_cookies|set_refresh_cookies|unset_jwt_cookies|get_current_user|has_permission|has_role|require_role|check_permission|verify_token|validate_token|decode_jwt|verify_jwt|encode_jwt|is_admin|constant_time_compare)\\s*\\(|(?:\\w+\\.)*(?:auth|flask_login|firebase_auth|id_token)\\s*\\.\\s*(?:login|logout|authenticate|get_user|verify_id_token|create_custom_token|verify_session_cookie|create_session_cookie|revoke_refresh_tokens|verify_oauth2_token)\\s*\\(|(?:\\w+\\.)*(?:bcrypt\\s*\\.\\s*checkpw|pbkdf2_sha256\\s*\\.\\s*verify|bcrypt\\s*\\.\\s*verify|argon2\\s*\\.\\s*verify|sha256_crypt\\s*\\.\\s*verify|sha512_crypt\\s*\\.\\s*verify|hashers\\s*\\.\\s*check_password)\\s*\\(|(?:\\w+\\.)*(?i:pwd|password|passlib|crypt|hash)_?(?i:context|ctx|hasher)\\s*\\.\\s*(?:verify|verify_and_update|needs_update)\\s*\\(|(?:\\w+\\.)*ph\\s*\\.\\s*(?:verify|check_needs_rehash)\\s*\\(|(?:\\w+\\.)*(?:jwt|jws|jwe|pyjwt|jwt_api)\\s*\\.\\s*(?:decode|encode|decode_complete|get_unverified_header|get_unverified_claims|verify|sign|deserialize|serialize)\\s*\\(|(?:PyJWT|JsonWebToken)\\s*\\([^()]*\\)\\s*\\.\\s*(?:decode|encode)\\s*\\(|(?:\\w+\\s*\\.\\s*)*request\\s*\\.\\s*session\\s*\\.\\s*(?:clear|pop|cycle_key|set_expiry|flush|setdefault|get|update|delete|create)\\s*\\(|session\\s*\\.\\s*(?:clear|pop|setdefault|regenerate|invalidate)\\s*\\(|session\\s*\\.\\s*get\\s*\\((?:\\s|#[^\\n]*)*[\"'][A-Za-z_][\\w-]*[\"']|(?:\\w+\\s*\\.\\s*)*(?:headers|META|environ|cookies)\\s*\\.\\s*get\\s*\\((?:\\s|#[^\\n]*)*[\"'](?i:authorization|http_authorization|proxy-authorization|x-api-key|api-key|x-auth-token|x-access-token|http_x_api_key|http_x_auth_token|x-csrf-token|x-csrftoken|x-xsrf-token|access_token|session|sessionid)[\"']|(?:\\w+\\s*\\.\\s*)*(?:set_cookie|delete_cookie|set_signed_cookie)\\s*\\((?:\\s|#[^\\n]*)*(?:key\\s*=\\s*)?[^,)]*(?i:sess|sid\\b|auth|token|jwt|login|remember|csrf|xsrf|identity))"))
; Methods that check passwords and permissions or handle tokens, on any receiver.
(call
  function: (attribute) @f
  (#match? @f "(?-u)\\.\\s*(check_password|set_password|set_unusable_password|has_perm|has_perms|has_module_perms|has_permission|has_object_permission|check_permissions|check_object_permissions|verify_password|check_password_hash|verify_token|validate_token|decode_token|decode_jwt|verify_jwt|authenticate_credentials|get_jwt_identity|is_token_revoked|revoke_token|introspect_token|fetch_token|authorize_access_token|authorize_redirect|parse_id_token|verify_id_token|verify_oauth2_token|validate_password|login_user|logout_user|is_user_in_role|has_role|has_scope|require_role)$")
  (#not-match? @f "(?-u)^keyring\\s*\\.")) @risk.auth
; `Bearer ` / `Basic ` prefixes taken off a credential.
(call
  function: (attribute) @f (#match? @f "(?-u)\\.\\s*(startswith|removeprefix|split|partition|replace|lstrip)$")
  arguments: (argument_list . (string) @s)
  (#match? @s "(?-u)(?i)^[\"'](bearer|basic|token|jwt|digest) ?[\"']$")) @risk.auth
; Flask's `session[..]`, Django's `request.session[..]`, the Authorization header and session cookie
; read by subscript.
((subscript) @risk.auth
 (#match? @risk.auth "(?-u)^(?:(?:\\w+\\s*\\.\\s*)*session\\s*\\[\\s*[rbuf]*[\"']|(?:\\w+\\s*\\.\\s*)*(?:headers|META|environ|cookies)\\s*\\[\\s*[\"'](?i:authorization|http_authorization|x-api-key|api-key|x-auth-token|x-access-token|http_x_api_key|access_token|session|sessionid)[\"'])"))

; Functions that verify tokens, passwords or sessions, check permissions, or log people in and out.
; Lexer-style names (`next_token`, `peek_token`, `tokenize`), input validation and presentation
; helpers (`format_last_login`, `render_login_form`) do not match.
(function_definition
  name: (identifier) @name
  (#match? @name "(?-u)^(verify|validate|authenticate|decode|introspect|issue|mint|sign|refresh|revoke|invalidate|rotate|extract|blacklist|blocklist|store|create)_(\\w+_)?(token|jwt|jwts)$|^(\\w+_)?(access|refresh|auth|bearer|api|session|id|csrf|xsrf|reset|invite|verification|magic_link|remember_me)_tokens?(_\\w+)?$|(^|_)(jwt|jwts|bearer|oauth2?|oidc|saml|sso|mfa|totp|hotp|otp|two_factor|2fa|webauthn|passkey|csrf|xsrf)(_|$)|(^|_)(auth|authn|authz|authenticate[ds]?|authentication|authori[sz]e[ds]?|authori[sz]ation|unauthori[sz]ed|unauthenticated)(_|$)|(^|_)(log_?in|log_?out|sign_?in|sign_?out|sign_?up|impersonate|reauthenticate)($|_(view|user|users|handler|required|callback|endpoint|api|route|attempt|attempts|request|redirect|flow|with_\\w+|as_\\w+|by_\\w+))|^(verify|validate|check|compare|reset|change|update|set|confirm|rehash)_(\\w+_)?(password|passwd|passphrase|credentials?)s?$|^(password|credentials?)_(matches|valid|is_valid|verify|check)$|^(create|new|start|begin|establish|destroy|end|invalidate|revoke|renew|refresh|rotate|regenerate|cycle|expire|purge|terminate|clear|validate|verify|check|extract|require)_(\\w+_)?(session|sessions|session_id)$|^(has|check|require|ensure|enforce|verify|authori[sz]e|can)_(\\w+_)?(permission|permissions|perm|perms|role|roles|access|scope|scopes|privilege|privileges|admin|owner|ownership|membership|capability|capabilities|acl|policy)$|^has_object_permission$|^is_(admin|superuser|super_admin|superadmin|staff|owner|authenticated|authori[sz]ed|logged_in|signed_in|permitted)$|^(can|may)_(access|manage|administer|edit|delete|modify|view|impersonate)(_\\w+)?$|^(verify|validate|authenticate)_(\\w+_)?(api_key|apikey|webhook|claims|credentials?|identity|origin|user|signature)s?$|^get_current_(\\w+_)?(user|principal|identity|account)$|^(load_user|user_loader|current_user|get_user_from_\\w+)$|(^|_)(admin|acl|rbac|permission|role)_(guard|middleware|required|check)(_|$)")
  (#not-match? @name "(?-u)^(format|render|display|show|print|describe|humanize|pretty|to_str|as_str|serialize)_")) @risk.auth

; Classes that authenticate or decide permissions: DRF, Django backends and mixins and views,
; Starlette backends, FastAPI security schemes, requests auth.
(class_definition
  name: (identifier) @name
  superclasses: (argument_list) @bases
  (#match? @bases "(?-u)\\b(BaseAuthentication|TokenAuthentication|SessionAuthentication|BasicAuthentication|RemoteUserAuthentication|JWTAuthentication|JSONWebTokenAuthentication|BasePermission|DjangoModelPermissions|DjangoObjectPermissions|ModelBackend|BaseBackend|RemoteUserBackend|AuthenticationBackend|LoginRequiredMixin|PermissionRequiredMixin|UserPassesTestMixin|AccessMixin|HTTPBearer|HTTPBasic|OAuth2PasswordBearer|APIKeyHeader|SecurityBase|AuthBase|LoginView|LogoutView|PasswordChangeView|PasswordResetView|PasswordResetConfirmView|AuthenticationForm|ObtainAuthToken|TokenObtainPairView|TokenRefreshView)\\b")) @risk.auth

; Access-control decisions written inline: conditions on roles, permissions, ownership, passwords
; and tokens.
([
  (if_statement condition: (_) @risk.auth)
  (elif_clause condition: (_) @risk.auth)
  (return_statement (_) @risk.auth)
  (assert_statement (_) @risk.auth)
  (lambda body: (_) @risk.auth)
 ]
 (#match? @risk.auth "(?-u)\\.(is_authenticated|is_anonymous|is_superuser|is_staff|is_admin)\\b|\\b(has_perm|has_perms|has_permission|has_role|has_scope|check_permission|is_admin|is_owner|check_password|verify_password)\\s*\\(|(?i:password|passwd|api_?key|secret|(access|auth|bearer|session|api|expected|provided|csrf|xsrf|refresh|reset|stored|given)_?token)\\s*(==|!=)|(==|!=)\\s*[\\w.]*(?i:password|passwd|api_?key|secret|_token)\\b|\\.(role|roles|scopes|permissions|groups|owner_id|owner|author_id|created_by_id|tenant_id|org_id)\\s*(==|!=|\\bin\\b)|(==|!=|\\bin)\\s*[\\w.]*\\.(role|roles|scopes|permissions|owner_id|owner|tenant_id|org_id)\\b|[\"'](admin|superuser|owner|root)[\"']\\s+(not\\s+)?in\\b|\\[[\"'](role|roles|scope|scopes|is_admin|permissions|groups)[\"']\\]"))

; Settings: who may call a view (DRF, Django mixins), session and CSRF cookies, auth backends, JWT
; lifetimes, Flask-Login; written as assignments, `app.config[..] = ..`, keyword arguments and
; dict entries. JWT claims checks switched off in `jwt.decode(.., options={..})`.
([(assignment) (keyword_argument) (pair)] @risk.auth
 (#match? @risk.auth "(?-u)^(?:\\w+\\s*\\.\\s*)*(?:\\w+\\s*\\[\\s*)?[\"']?(?:permission_classes|authentication_classes|permission_required|required_scopes|login_view|session_protection|SESSION_(?:COOKIE_\\w+|ENGINE|SERIALIZER|EXPIRE_AT_BROWSER_CLOSE|SAVE_EVERY_REQUEST|TYPE|PERMANENT|USE_SIGNER|PROTECTION|REFRESH_EACH_REQUEST)|PERMANENT_SESSION_LIFETIME|REMEMBER_COOKIE_\\w+|CSRF_(?:COOKIE_\\w+|USE_SESSIONS|TRUSTED_ORIGINS|HEADER_NAME|FAILURE_VIEW)|WTF_CSRF_(?:ENABLED|CHECK_DEFAULT|TIME_LIMIT|SSL_STRICT)|AUTHENTICATION_BACKENDS|AUTH_USER_MODEL|AUTH_PASSWORD_VALIDATORS|LOGIN_URL|LOGIN_REDIRECT_URL|LOGOUT_REDIRECT_URL|LOGIN_DISABLED|JWT_(?:ACCESS_TOKEN_EXPIRES|REFRESH_TOKEN_EXPIRES|ALGORITHM|TOKEN_LOCATION|COOKIE_SECURE|COOKIE_CSRF_PROTECT|COOKIE_SAMESITE|VERIFY_EXPIRATION|EXPIRATION_DELTA|AUTH_HEADER_PREFIX|BLACKLIST_ENABLED|BLOCKLIST_ENABLED|DECODE_AUDIENCE|IDENTITY_CLAIM)|SIMPLE_JWT|(?:ACCESS|REFRESH)_TOKEN_(?:EXPIRE|LIFETIME)\\w*|DEFAULT_(?:PERMISSION|AUTHENTICATION)_CLASSES|ROTATE_REFRESH_TOKENS|BLACKLIST_AFTER_ROTATION|AUTH_HEADER_TYPES|PASSWORD_RESET_TIMEOUT|MFA_\\w+|OTP_\\w+)[\"']?(?:\\s*\\])?\\s*(?::[^=\\n]*)?[=:]|^(?:\\w+\\s*\\.\\s*)*session\\s*\\.\\s*(?:permanent|modified)\\s*=|^[\"'](?:verify_exp|verify_aud|verify_iss|verify_iat|verify_nbf|require_exp|verify_jti|verify_sub)[\"']\\s*:\\s*False$"))

; =====================================================================================================
; iam: roles, policies, grants, RBAC, privilege changes, service accounts
; =====================================================================================================

; Functions that grant, revoke or change roles, permissions and policies.
(function_definition
  name: (identifier) @name
  (#match? @name "(?-u)^(grant|assign|add|revoke|remove|attach|detach|set|update|change|create|delete|put|give|promote|demote|elevate|escalate|bind|unbind|sync)_((\\w+_)?(role|roles|permission|permissions|privilege|privileges|grant|grants|acl|acls|rolebinding|role_binding|role_bindings|admin|superuser|membership|service_account|iam_binding|iam_member)|((iam|access|bucket|role|user|group|resource|trust|inline|managed|permission|security|rbac|authz|authorization|org|scp|assume_role)_)?polic(y|ies))$|^(make|promote)_(\\w+_)?(admin|superuser|owner|staff)$|^(assume_role|impersonate_role|impersonate_service_account)$")
  (#not-match? @name "(?-u)retry|backoff|cache|evict|timeout|restart|retention|compaction|lifecycle|cors|csp|referrer|redirect|schedul|balanc|password_policy")) @risk.iam

; AWS IAM and STS (boto3, client and resource style), GCP IAM and resource ACLs, Azure role
; assignments, Kubernetes RBAC, Django permissions and groups, django-guardian.
(call
  function: (attribute) @f
  (#match? @f "(?-u)\\.\\s*(?:(create|delete|update)_(role|policy|policy_version|login_profile|instance_profile|service_linked_role|saml_provider|open_id_connect_provider)|(attach|detach|put|delete)_(role|user|group)_policy|(attach|detach)_policy|put_role_permissions_boundary|put_user_permissions_boundary|update_assume_role_policy|add_role_to_instance_profile|remove_role_from_instance_profile|add_user_to_group|remove_user_from_group|create_access_key|update_access_key|assume_role|assume_role_with_web_identity|assume_role_with_saml|get_federation_token|set_default_policy_version|tag_role|set_iam_policy|add_iam_policy_binding|remove_iam_policy_binding|create_service_account|delete_service_account|create_service_account_key|disable_service_account|enable_service_account|undelete_role|make_public|make_private|grant_read|grant_write|grant_owner|revoke_read|revoke_write|revoke_owner|(create|patch|replace|delete)_(namespaced_role|cluster_role|namespaced_role_binding|cluster_role_binding|namespaced_service_account)|create_role_assignment|create_grant|revoke_grant|put_bucket_policy|delete_bucket_policy|put_bucket_acl|put_object_acl|put_key_policy|add_permission|remove_permission|create_superuser)$|(^|\\.)(role_assignments|role_definitions)\\s*\\.\\s*(create|create_or_update|delete|create_by_id|delete_by_id)$|(^|\\.)(user_permissions|groups|permissions|roles|scopes|privileges)\\s*\\.\\s*(add|set|remove|clear|append|extend|insert)$|(^|\\.)(bindings|\\[\\s*[\"']bindings[\"']\\s*\\])\\s*\\.\\s*(append|add|extend|remove)$|(?i)(^|\\.)iam\\w*\\s*\\.\\s*(create|delete|update)_(user|group)$")) @risk.iam
((call) @risk.iam
 (#match? @risk.iam "(?-u)^(?:(?:assign_perm|remove_perm|assign_role|remove_role|grant_role|revoke_role|add_role|grant_permission|revoke_permission|set_iam_policy)\\s*\\(|(?:\\w+\\s*\\.\\s*)*(?:client|resource)\\s*\\((?:\\s|#[^\\n]*)*(?:service_name\\s*=\\s*)?[\"'](?:iam|sts|organizations|sso-admin|identitystore)[\"']|(?:\\w+\\.)*(?:V1(?:Cluster)?Role(?:Binding)?|V1PolicyRule|V1RoleRef|RbacV1Subject|V1ServiceAccount|IAMClient|IAMCredentialsClient|PoliciesClient|RoleAssignmentCreateParameters|AuthorizationManagementClient)\\s*\\(|(?:os\\s*\\.\\s*)?(?:chmod|fchmod|lchmod|chown|fchown|lchown|setuid|setgid|seteuid|setegid|setreuid|setregid|setgroups|initgroups)\\s*\\(|shutil\\s*\\.\\s*chown\\s*\\(|dict\\s*\\((?:\\s|#[^\\n]*)*Effect\\s*=\\s*[\"'](?:Allow|Deny)[\"'])"))
(call
  function: (attribute) @f (#match? @f "(?-u)\\.\\s*(chmod|lchmod|chown)$")) @risk.iam

; Policy documents: IAM statements ({"Effect": "Allow", ..}) and GCP bindings ({"role": "roles/..", ..}).
(dictionary
  (pair) @p
  (#match? @p "(?-u)^[\"']Effect[\"']\\s*:\\s*[\"'](Allow|Deny)[\"']$|^[\"']role[\"']\\s*:\\s*[\"'](roles|organizations/\\w+/roles|projects/[\\w-]+/roles)/")) @risk.iam

; Privilege changes written as data: `user.is_superuser = True`, `member.role = "admin"`, but not a
; constructor copying its parameter (`self.role = role`).
((assignment) @risk.iam
 (#match? @risk.iam "(?-u)^(?:\\w+\\s*\\.\\s*)+(?:is_admin|is_superuser|is_super_admin|is_staff|role|roles|permissions|scopes|privileges|groups|access_level|user_permissions|is_owner)\\s*(?::[^=\\n]*)?=")
 (#not-match? @risk.iam "(?-u)^self\\s*\\.\\s*\\w+\\s*(?::[^=\\n]*)?=\\s*\\w+$"))

; SQL that grants, revokes or creates roles and users.
([
  (argument_list (string) @risk.iam)
  (assignment right: (string) @risk.iam)
  (keyword_argument value: (string) @risk.iam)
  (return_statement (string) @risk.iam)
  (concatenated_string (string) @risk.iam)
  (parenthesized_expression (string) @risk.iam)
 ]
 (#match? @risk.iam "(?-u)(?m)(^|[\"';])\\s*((GRANT|REVOKE)\\s+\\w+|(?i:grant\\s+[\\w, ]+\\s+on\\s+[\\w.\"*]+(\\s+\\w+)*\\s+to|revoke\\s+[\\w, ]+\\s+on\\s+[\\w.\"*]+(\\s+\\w+)*\\s+from|create\\s+(role|user)|alter\\s+(role|user)|drop\\s+(role|user))\\s)"))

; Role and permission types.
(class_definition
  name: (identifier) @name
  (#match? @name "(?-u)^(User|Admin|Account|Org|Organization|Team|Member|Group|Access|Iam|Rbac|Tenant|Project|Workspace)?(Role|Permission|Privilege)s?$")
  superclasses: (argument_list) @b
  (#match? @b "(?-u)Enum|Choices|Flag|\\bstr\\b|Model\\b|\\bBase\\b|\\bDocument\\b")) @risk.iam

; =====================================================================================================
; dns: name resolution, DNS records and zones, resolvers, TTLs, service discovery
; =====================================================================================================

; socket / asyncio resolution, dnspython, aiodns, pycares; Route53 and Cloud Map clients.
((call) @risk.dns
 (#match? @risk.dns "(?-u)^(?:(?:socket\\s*\\.\\s*)?(?:getaddrinfo|gethostbyname|gethostbyname_ex|gethostbyaddr|getnameinfo|getfqdn)\\s*\\(|dns\\s*\\.\\s*\\w+(?:\\s*\\.\\s*\\w+)*\\s*\\(|(?:aiodns\\s*\\.\\s*)?DNSResolver\\s*\\(|(?:\\w+\\s*\\.\\s*)+(?:resolve|query|resolve_async|aresolve)\\s*\\((?:\\s|#[^\\n]*)*[^,()]+,\\s*(?:rdtype\\s*=\\s*)?(?:[\"'](?:A|AAAA|CNAME|MX|TXT|SRV|NS|SOA|PTR|CAA|ANY|NAPTR|TLSA|HTTPS|SVCB)[\"']|(?:dns\\s*\\.\\s*)?rdatatype\\s*\\.\\s*\\w+)|pycares\\s*\\.\\s*Channel\\s*\\(|(?:\\w+\\s*\\.\\s*)*(?:client|resource)\\s*\\((?:\\s|#[^\\n]*)*(?:service_name\\s*=\\s*)?[\"'](?:route53|route53domains|route53resolver|servicediscovery)[\"'])"))
; Resolver calls on any resolver, Route53 / Cloud DNS / Cloudflare record changes.
(call
  function: (attribute) @f
  (#match? @f "(?-u)\\.\\s*(getaddrinfo|getnameinfo|change_resource_record_sets|create_hosted_zone|delete_hosted_zone|associate_vpc_with_hosted_zone|disassociate_vpc_from_hosted_zone|create_traffic_policy_instance|resource_record_set|add_record_set|delete_record_set|create_dns_record|update_dns_record|delete_dns_record|upsert_record|create_managed_zone|delete_managed_zone)$|(?i)(^|\\.)(\\w*resolver|resolv|dns|dns_client|dnsclient)\\s*\\.\\s*(resolve_address|resolve_name|canonical_name|gethostbyname|getaddrinfo|zone_for_name|use_edns|use_tsig)$|(^|\\.)dns_records\\s*\\.\\s*(post|put|patch|delete|create|update|edit)$")) @risk.dns
; Route53 change batches and record sets; resolver settings; DNS TTLs by name.
((pair) @risk.dns
 (#match? @risk.dns "(?-u)^[\"'](ResourceRecordSet|ResourceRecords|HostedZoneId|TTL|AliasTarget)[\"']\\s*:"))
([(assignment) (keyword_argument)] @risk.dns
 (#match? @risk.dns "(?-u)^(?:(?:\\w+\\s*\\.\\s*)*(?i:\\w*(?:resolver|resolv|dns)\\w*)\\s*\\.\\s*(?:nameservers|nameserver_ports|timeout|lifetime|search|domain|ndots|rotate|cache|port|edns|flags|use_search_by_default)|(?i:(?:dns|record|zone|rr|rrset|record_set|negative|soa|resolver)_)+(?i:(?:min_|max_)?ttl(?:_(?:secs?|seconds|s))?))\\s*(?::[^=\\n]*)?="))

; Functions that resolve names or manage records and zones.
(function_definition
  name: (identifier) @name
  (#match? @name "(?-u)(?i)(^|_)(dns|nameservers?|hosted_zones?|dns_records?|srv_records?|a_records?|cname|cname_records?|ptr_records?|txt_records?|mx_records?|zone_file|resource_record_sets?)(_|$)|^resolve_(host|hostname|hostnames|addr|addrs|address|addresses|domain|name|srv|service|endpoint|peer)s?$|^(lookup|reverse_lookup)_(host|hostname|ip|addr|address|domain|name|srv|txt|mx)s?$")) @risk.dns

; Resolver configuration files and DNS servers.
((string) @risk.dns
 (#match? @risk.dns "(?-u)^[rbuRBU]*[\"'](/etc/resolv\\.conf|/etc/hosts|/etc/nsswitch\\.conf|(\\d{1,3}\\.){3}\\d{1,3}:53|\\[[0-9a-fA-F:]+\\]:53)[\"']$"))

; =====================================================================================================
; config: configuration loading and defaults, feature flags, environment variables, timeouts,
; retries, limits
; =====================================================================================================

; Environment variables (os.environ, os.getenv, django-environ / environs, python-decouple, dotenv),
; configuration loaders (configparser, Flask config, Django settings, Dynaconf, OmegaConf, Hydra,
; pydantic-settings), configuration files opened, timeouts and retries on clients (urllib3, httpx,
; tenacity, sockets), feature-flag lookups by name.
((call) @risk.config
 (#match? @risk.config "(?-u)^(?:(?:os\\s*\\.\\s*)?(?:getenv|putenv|unsetenv|getenvb)\\s*\\(|(?:os\\s*\\.\\s*)?environ\\s*\\.\\s*(?:get|setdefault|pop|update|copy)\\s*\\(|(?:dotenv\\s*\\.\\s*)?(?:load_dotenv|dotenv_values|find_dotenv)\\s*\\(|(?:environ\\s*\\.\\s*)?Env\\s*(?:\\.\\s*read_env\\s*)?\\(|env\\s*\\.\\s*read_env\\s*\\(|(?:env|environ|config|decouple\\s*\\.\\s*config|env_config)(?:\\s*\\.\\s*(?:str|bool|int|float|list|dict|json|url|db|db_url|cache|cache_url|email_url|path|decimal|tuple|timedelta|log_level|get_value|get|uuid|datetime|date))?\\s*\\((?:\\s|#[^\\n]*)*[\"'][A-Z][A-Z0-9_]*[\"']|(?:\\w+\\s*\\.\\s*)*(?:ConfigParser|RawConfigParser|SafeConfigParser|Dynaconf|LazySettings|SettingsConfigDict|initialize_config_dir)\\s*\\(|OmegaConf\\s*\\.\\s*(?:load|create|merge|from_cli|from_dotlist)\\s*\\(|(?:\\w+\\s*\\.\\s*)*config\\s*\\.\\s*(?:from_object|from_pyfile|from_envvar|from_mapping|from_file|from_prefixed_env|update|setdefault)\\s*\\(|settings\\s*\\.\\s*configure\\s*\\(|(?:\\w+\\s*\\.\\s*)*(?:load_config|read_config|parse_config|load_settings|read_settings|get_settings|get_config|load_configuration)\\s*\\(|(?:open|io\\s*\\.\\s*open|codecs\\s*\\.\\s*open|Path|pathlib\\s*\\.\\s*Path|toml\\s*\\.\\s*load|tomllib\\s*\\.\\s*load|tomli\\s*\\.\\s*load|yaml\\s*\\.\\s*safe_load|yaml\\s*\\.\\s*load|json\\s*\\.\\s*load|(?:\\w+\\s*\\.\\s*)*(?:read|read_file))\\s*\\((?:\\s|#[^\\n]*)*[rbuf]*[\"'][^\"']*(?i:config|settings|\\.env\\b|\\.ini\\b|\\.cfg\\b|\\.toml\\b|\\.ya?ml\\b|/etc/)|(?:\\w+\\s*\\.\\s*)*(?:Retry|Timeout|Limits|HTTPAdapter|RetryConfig|AsyncRetrying|Retrying|stop_after_attempt|stop_after_delay|wait_exponential|wait_fixed|wait_random_exponential|RateLimiter|Limiter|Throttle)\\s*\\(|(?:\\w+\\s*\\.\\s*)*(?:settimeout|setdefaulttimeout|set_timeout|set_retries|set_default_timeout)\\s*\\(|(?:flag_is_active|switch_is_active|sample_is_active|feature_enabled|is_feature_enabled|feature_flag|is_flag_enabled|get_feature_flag)\\s*\\()"))
; Feature flags on any client: LaunchDarkly, Unleash, Flagsmith, PostHog, Split, GrowthBook.
(call
  function: (attribute) @f
  (#match? @f "(?-u)\\.\\s*(is_enabled|is_feature_enabled|feature_enabled|is_flag_enabled|flag_enabled|bool_variation|string_variation|json_variation|int_variation|float_variation|variation|variation_detail|get_flag|evaluate_flag|get_feature_flag|get_feature_flag_payload|get_boolean_value|get_string_value|get_treatment|is_on|is_off|get_feature_value|has_feature)$")
  arguments: (argument_list . [(string) (identifier) (attribute)] @first)
  (#match? @first "(?-u)^([rbuRBU]?[\"']|[A-Z][A-Z0-9_]+$|(\\w+\\.)*[A-Z][A-Z0-9_]+$|(Flag|Feature|Flags|Features|FeatureFlag)\\.)")) @risk.config
; `os.environ[..]`.
((subscript) @risk.config
 (#match? @risk.config "(?-u)^(?:os\\s*\\.\\s*)?environ\\s*\\["))
; Retry, rate-limit and timeout decorators; Hydra.
((decorator) @risk.config
 (#match? @risk.config "(?-u)^@\\s*(\\w+\\.)*(retry|retry_on_exception|on_exception|on_predicate|limit|ratelimit|rate_limit|throttle|throttle_classes|timeout)\\b|^@\\s*hydra\\s*\\.\\s*main\\b"))

; Functions that load configuration or provide defaults; configuration classes.
(function_definition
  name: (identifier) @name
  (#match? @name "(?-u)^(load|read|parse|init|get|build|reload|apply|default|validate|configure)_(\\w+_)?(config|configuration|settings|conf|cfg|env|environment|feature_flags?|flags|options)$|^from_env$|^(config|settings)_from_\\w+$")) @risk.config
(class_definition
  name: (identifier) @name
  (#match? @name "(?-u)^\\w*(Config|Configuration|Settings|FeatureFlags)$")
  !superclasses) @risk.config
(class_definition
  name: (identifier) @name
  superclasses: (argument_list) @b
  (#match? @b "(?-u)\\b(BaseSettings|Configuration|GlobalSettings|Dynaconf)\\b")) @risk.config
(class_definition
  name: (identifier) @name
  (#match? @name "(?-u)^\\w*(Config|Configuration|Settings|FeatureFlags)$")
  superclasses: (argument_list) @b
  (#not-match? @b "(?-u)AppConfig|Exception|Error\\b|Enum\\b|TestCase|Serializer|Form\\b|Admin\\b|Schema\\b|\\bModel\\b|Middleware|View\\b")) @risk.config

; Settings: `DEBUG = True`, `REQUEST_TIMEOUT = 30`, `FEATURE_NEW_CHECKOUT = False`, databases, caches,
; brokers, as assignments, `app.config[..] = ..`, keyword arguments and dict entries. Auth, TLS,
; CORS and credential settings are left to their own categories.
([(assignment) (keyword_argument) (pair)] @risk.config
 (#match? @risk.config "(?-u)^(?:\\w+\\s*\\.\\s*)*(?:\\w+\\s*\\[\\s*)?[\"']?(?:DEBUG|TESTING|ENV|ENVIRONMENT|APP_ENV|FLASK_ENV|FLASK_DEBUG|DJANGO_ENV|STAGE|LOG_LEVEL|LOGLEVEL|LOGGING|DATABASES|CACHES|TEMPLATE_DEBUG|PROPAGATE_EXCEPTIONS|MAINTENANCE_MODE|DRY_RUN|READ_ONLY|READONLY|CELERY_\\w+|CELERYD_\\w+|BROKER_URL|DATA_UPLOAD_MAX_\\w+|FILE_UPLOAD_MAX_\\w+|MAX_CONTENT_LENGTH|CONN_MAX_AGE|SQLALCHEMY_\\w+|(?:[A-Z0-9]+_)*(?:TIMEOUT|TIMEOUTS|DEADLINE|RETRIES|RETRY|ATTEMPTS|BACKOFF|KEEPALIVE|QUOTA|BURST|CONCURRENCY|THRESHOLD|LIMIT|LIMITS|MAX|MIN|TTL|EXPIRY|EXPIRATION|EXPIRES|LIFETIME|RPS|QPS|POOL|COOLDOWN|JITTER|WORKERS|THREADS|INTERVAL|DELAY|CONNECTIONS|CAPACITY)(?:_[A-Z0-9]+)*|(?:[A-Z0-9]+_)*(?:KEEP_ALIVE|POOL_SIZE|BATCH|BATCH_SIZE|PAGE_SIZE|BUFFER_SIZE|CHUNK_SIZE|GRACE|GRACE_PERIOD|RETENTION)(?:_[A-Z0-9]+)*|(?:FEATURE|FEATURES|FF|FLAG|FLAGS|ENABLE|DISABLE|EXPERIMENTAL|BETA|ROLLOUT|KILL_SWITCH)_[A-Z0-9_]+|[A-Z0-9_]+_(?:ENABLED|DISABLED|FLAG|FLAGS|FEATURE|FEATURES|PERCENT|PERCENTAGE|SECS|SECONDS|MS|MILLIS|MINUTES|HOURS|DAYS)|(?:DATABASE|DB|REDIS|BROKER|CACHE|MONGO|MONGODB|AMQP|RABBITMQ|KAFKA|ELASTICSEARCH|SENTRY)_(?:URL|URI|DSN|HOST|NAME))[\"']?(?:\\s*\\])?\\s*(?::[^=\\n]*)?[=:]")
 (#not-match? @risk.config "(?-u)^(?:\\w+\\s*\\.\\s*)*(?:\\w+\\s*\\[\\s*)?[\"']?(?:SESSION_|CSRF_|JWT_|REMEMBER_COOKIE_|PERMANENT_SESSION|WTF_CSRF|SECURE_|CORS_|DNS_|RECORD_|ZONE_|RESOLVER_|TTL\\b|\\w*TOKEN_(?:EXPIRE|LIFETIME)|\\w*(?:PASSWORD|SECRET|_KEY\\b|_TOKEN\\b))"))
; Settings fields and local settings with a literal value: `timeout: float = 30`,
; `max_retries = 5`, `requests.get(url, timeout=10)`, `pool_size=20`, but not counters
; (`retries = 0`).
([(assignment) (keyword_argument) (typed_default_parameter)] @risk.config
 (#match? @risk.config "(?-u)^(?:\\w+\\s*\\.\\s*)*(?:\\w+_)?(?:timeout|timeout_(?:ms|millis|secs?|seconds)|deadline|retries|max_retries|max_attempts|max_tries|retry_(?:count|limit|attempts|delay|interval|backoff|wait)|backoff(?:_\\w+)?|rate_limit(?:_\\w+)?|ratelimit|requests_per_\\w+|keep_?alive(?:_\\w+)?|grace_period(?:_\\w+)?|pool_size|max_overflow|pool_recycle|pool_pre_ping|max_connections|max_pool_size|min_pool_size|poll_interval|heartbeat_interval|refresh_interval|flush_interval|burst(?:_size)?|quota|concurrency(?:_limit)?|(?:cache|lock|lease)_ttl|max_body_size|max_content_length|max_upload_size|body_limit|max_requests|max_requests_jitter|worker_connections|workers|threads|backlog|max_workers|prefetch_count|visibility_timeout|debug)\\s*(?::[^=\\n]*)?=\\s*(?:[-+]?(?:[2-9]|\\d\\d|\\d[\\d.]|\\d\\s*[*+])|None$|True$|False$|(?:datetime\\s*\\.\\s*)?timedelta\\s*\\(|(?:\\w+\\s*\\.\\s*)*(?:Timeout|Retry|Duration)\\s*\\(|\\((?:\\s|#[^\\n]*)*\\d)"))

; =====================================================================================================
; crypto: TLS settings, certificate verification, ciphers, signing, randomness for security
; =====================================================================================================

; Certificate verification switched off or replaced: `verify=False`, `ssl=False`, `cert_reqs=CERT_NONE`,
; a custom CA bundle or client certificate; JWT signature verification off or the `none` algorithm.
([(keyword_argument) (pair)] @risk.crypto
 (#match? @risk.crypto "(?-u)^[\"']?(?:verify|verify_ssl|ssl_verify|verify_certs|check_hostname|validate_certs|ssl|tls_verify|verify_tls|ssl_check_hostname|verify_certificate|sslverify|verify_signature)[\"']?\\s*[=:]\\s*(?:False|0|None)$|^(?:verify|ca_certs|cafile|ca_bundle|cert|client_cert|ssl_ca_certs|ssl_certfile|ssl_keyfile|certfile|keyfile|ssl_context|ssl_version|ciphers|ssl_ciphers|tls_ca_file)\\s*=\\s*[^TFN\\s]|^(?:cert_reqs|ssl_cert_reqs|verify_mode)\\s*=.*(?i:none|optional)|^(?:insecure|tls_insecure|allow_insecure|insecure_skip_verify|skip_tls_verify|disable_ssl_verification)\\s*=\\s*True$|^(?:algorithms|algorithm)\\s*=.*[\"'](?i:none)[\"']|^(?:digestmod|hash_algorithm|hashfunc)\\s*=.*(?i:md5|sha1\\b|sha_1|\\bsha\\b)"))

; The ssl module; hashing over passwords, secrets and tokens (not `usedforsecurity=False`); key
; derivation and MACs; password hashing (bcrypt, werkzeug, Django, passlib, argon2-cffi,
; Flask-Bcrypt); ciphers, keys and signatures (cryptography, PyCryptodome, PyNaCl, itsdangerous, rsa,
; pyOpenSSL); secure randomness (secrets, os.urandom, SystemRandom); TLS warnings switched off.
((call) @risk.crypto
 (#match? @risk.crypto "(?-u)^(?:(?:ssl\\s*\\.\\s*)?(?:create_default_context|SSLContext|_create_unverified_context|_create_default_https_context|wrap_socket|get_server_certificate)\\s*\\(|(?:urllib3|requests\\s*\\.\\s*packages\\s*\\.\\s*urllib3)\\s*\\.\\s*disable_warnings\\s*\\(|hashlib\\s*\\.\\s*(?:md5|sha1|sha224|sha256|sha384|sha512|sha3_256|sha3_512|blake2b|blake2s|new)\\s*\\([^)]*(?i:pass|pwd|secret|token|salt|nonce|cred|api_?key|otp|pin\\b|sign)|(?:hashlib\\s*\\.\\s*)?(?:pbkdf2_hmac|scrypt)\\s*\\(|hmac\\s*\\.\\s*(?:new|digest|compare_digest|HMAC)\\s*\\(|(?:secrets\\s*\\.\\s*)?compare_digest\\s*\\(|(?:\\w+\\s*\\.\\s*)*(?:bcrypt\\s*\\.\\s*hashpw|bcrypt\\s*\\.\\s*gensalt|bcrypt\\s*\\.\\s*kdf|generate_password_hash|make_password|get_hasher|CryptContext|PasswordHasher|Bcrypt|pbkdf2_sha256\\s*\\.\\s*hash|bcrypt\\s*\\.\\s*hash|argon2\\s*\\.\\s*hash|sha256_crypt\\s*\\.\\s*hash|sha512_crypt\\s*\\.\\s*hash|get_random_string|gen_salt)\\s*\\(|(?:\\w+\\.)*(?i:pwd|password|passlib|crypt|hash)_?(?i:context|ctx|hasher)\\s*\\.\\s*(?:hash|encrypt|genconfig)\\s*\\(|(?:\\w+\\.)*ph\\s*\\.\\s*hash\\s*\\(|(?:\\w+\\s*\\.\\s*)*(?:Fernet|MultiFernet|Cipher|AESGCM|AESCCM|AESSIV|ChaCha20Poly1305|PBKDF2HMAC|Scrypt|HKDF|HKDFExpand|ConcatKDFHash|X963KDF|Argon2id|OAEP|PSS|PKCS1v15|URLSafeTimedSerializer|URLSafeSerializer|TimedSerializer|TimestampSigner|TimedJSONWebSignatureSerializer|SigningKey|VerifyKey|PrivateKey|SecretBox|SealedBox|GPG)\\s*[.(]|(?:algorithms|modes)\\s*\\.\\s*\\w+\\s*\\(|(?:AES|DES|DES3|ARC2|ARC4|Blowfish|CAST|ChaCha20|ChaCha20_Poly1305|Salsa20|PKCS1_OAEP|PKCS1_v1_5|pss|pkcs1_15|DSS|HMAC|CMAC|RSA|ECC|DSA)\\s*\\.\\s*(?:new|generate|import_key|construct)\\s*\\(|(?:rsa|ec|dsa|dh|ed25519|ed448|x25519|x448)\\s*\\.\\s*(?:generate_private_key|generate_parameters|\\w+PrivateKey\\s*\\.\\s*(?:generate|from_private_bytes))\\s*\\(|serialization\\s*\\.\\s*load_\\w+\\s*\\(|x509\\s*\\.\\s*(?:load_pem_x509_certificate|load_der_x509_certificate|CertificateBuilder|CertificateSigningRequestBuilder)\\s*\\(|rsa\\s*\\.\\s*(?:newkeys|sign|verify|encrypt|decrypt)\\s*\\(|crypto\\s*\\.\\s*(?:load_certificate|load_privatekey|PKey|X509)\\s*\\(|(?:Random\\s*\\.\\s*)?get_random_bytes\\s*\\(|(?:secrets\\s*\\.\\s*)?(?:token_hex|token_urlsafe|token_bytes|randbelow|randbits)\\s*\\(|secrets\\s*\\.\\s*(?:choice|SystemRandom)\\s*\\(|(?:os\\s*\\.\\s*)?urandom\\s*\\(|(?:random\\s*\\.\\s*)?SystemRandom\\s*\\()")
 (#not-match? @risk.crypto "(?-u)usedforsecurity\\s*=\\s*False"))
; TLS context settings and key operations on any receiver.
(call
  function: (attribute) @f
  (#match? @f "(?-u)\\.\\s*(load_cert_chain|load_verify_locations|set_ciphers|set_ecdh_curve|load_default_certs|set_default_verify_paths|set_alpn_protocols|set_servername_callback|set_missing_host_key_policy|load_system_host_keys|load_host_keys|use_certificate_file|use_privatekey_file|disable_warnings)$|(?i)(key|keypair|key_pair|signer|verifier|cipher|fernet|aesgcm|chacha|box|hmac|mac|serializer|signing_key|verify_key|private_key|public_key|pubkey|privkey)s?(\\(\\))?\\s*\\.\\s*(sign|verify|encrypt|decrypt|encrypt_and_digest|decrypt_and_verify|rotate|finalize_with_tag|sign_digest|public_bytes|private_bytes|exchange)$")) @risk.crypto
; TLS context fields: `ctx.check_hostname = False`, `ctx.verify_mode = ssl.CERT_NONE`, `session.verify = False`.
([(assignment) (augmented_assignment)] @risk.crypto
 (#match? @risk.crypto "(?-u)^(?:\\w+\\s*\\.\\s*)+(?:check_hostname|verify_mode|minimum_version|maximum_version|options|_create_default_https_context|ssl_version|verify_flags|cert_reqs)\\s*[|&]?=|^(?:\\w+\\s*\\.\\s*)+verify\\s*=\\s*(?:False|[rbu]*[\"']|\\w*(?:ca|cert|bundle|pem)\\w*$)"))
; Weak protocol constants, certificate checks off, SSH host keys accepted blindly.
((attribute) @risk.crypto
 (#match? @risk.crypto "(?-u)^ssl\\s*\\.\\s*(CERT_NONE|CERT_OPTIONAL|PROTOCOL_SSLv2|PROTOCOL_SSLv3|PROTOCOL_SSLv23|PROTOCOL_TLSv1|PROTOCOL_TLSv1_1)$|^paramiko\\s*\\.\\s*(AutoAddPolicy|WarningPolicy)$|^(ssl\\s*\\.\\s*)?TLSVersion\\s*\\.\\s*(SSLv3|TLSv1|TLSv1_1)$"))

; A random value bound to a name that says it is a token, secret, nonce, salt or one-time code: the
; `random` module, uuid1/uuid4 or the clock are not secure for that.
((assignment) @risk.crypto
 (#match? @risk.crypto "(?-u)^(?:\\w+\\s*\\.\\s*)*(?i:\\w*(?:token|tokens|secret|nonce|salt|password|passwd|otp|csrf|session_id|api_key|secret_key|private_key|signing_key|encryption_key|master_key|hmac_key|passphrase|code_verifier|verifier|challenge|reset_code|verification_code|invite_code|key_bytes|one_time_code))\\s*(?::[^=\\n]*)?=[^=][^\\n]*(?:\\brandom\\s*\\.\\s*(?:choice|choices|randint|randrange|random|getrandbits|sample|randbytes)\\b|\\buuid\\s*\\.\\s*uuid[14]\\s*\\(|\\buuid[14]\\s*\\(|\\bint\\s*\\((?:\\s|#[^\\n]*)*time\\s*\\.\\s*time\\s*\\(\\))"))

; Functions that hash passwords, handle keys and certificates, sign, encrypt, or generate secrets.
(function_definition
  name: (identifier) @name
  (#match? @name "(?-u)^(hash|rehash)_(\\w+_)?(password|passwd|passphrase|secret|token|api_key|pin)s?$|^(load|read|parse|generate|gen|create|new|make|random|derive|rotate)_(\\w+_)?(private_key|signing_key|encryption_key|secret_key|keypair|key_pair|certs?|certificates?|ssl_context|tls_context|tls_config|nonce|salt|iv|key_material|hmac_key|aes_key|master_key|fernet_key)s?$|^(generate|gen|new|make|random)_(\\w+_)?(secret|secrets|api_key|token|session_token|otp|csrf_token|password|passphrase|pin|reset_code|invite_code|verification_code|one_time_code)s?$|(^|_)(encrypt|decrypt|encryption|decryption|signature|signatures|ssl_context|tls_context|cipher|hmac|keypair|key_pair)(_|$)|^sign$|_sign$|^sign_(message|payload|request|data|bytes|token|jwt|release|artifact|digest|hash|blob|manifest|url|cookie|body|challenge|webhook)s?$")) @risk.crypto
; Password hashers and TLS settings in Django / Flask settings.
([(assignment) (keyword_argument) (pair)] @risk.crypto
 (#match? @risk.crypto "(?-u)^(?:\\w+\\s*\\.\\s*)*(?:\\w+\\s*\\[\\s*)?[\"']?(?:PASSWORD_HASHERS|BCRYPT_LOG_ROUNDS|BCRYPT_HANDLE_LONG_PASSWORDS|SECURE_SSL_REDIRECT|SECURE_HSTS_SECONDS|SECURE_HSTS_INCLUDE_SUBDOMAINS|SECURE_HSTS_PRELOAD|SECURE_SSL_HOST|PREFERRED_URL_SCHEME|SSL_CERT_FILE|SSL_KEY_FILE|REQUESTS_CA_BUNDLE|SSL_VERIFY|VERIFY_SSL|TLS_VERIFY|SIGNING_ALGORITHM|SECURITY_PASSWORD_HASH)[\"']?(?:\\s*\\])?\\s*(?::[^=\\n]*)?[=:]"))

; =====================================================================================================
; secrets: credentials, API keys, secret loading and storage, hard-coded secrets
; =====================================================================================================

; A string literal bound to a name that says it is a credential: assignments (module, class, local,
; attribute, `app.config[..]`, `os.environ[..]`), keyword arguments, default parameters, dict pairs.
; Placeholders, environment-variable names, f-strings, URLs without credentials and paths do not count.
([(assignment) (keyword_argument) (default_parameter) (typed_default_parameter) (pair)] @risk.secrets
 (#match? @risk.secrets "(?-u)^(?:\\w+\\s*\\.\\s*)*(?:\\w+\\s*\\[\\s*)?[\"']?(?i:(?:\\w+_)?(?:password|passwd|pwd|passphrase|secret|secret_key|secret_access_key|client_secret|api_?key|apikey|access_?key(?:_id)?|private_?key|auth_?token|access_?token|refresh_?token|bearer_?token|api_?token|bot_?token|token|credentials?|creds|signing_?key|encryption_?key|master_?key|hmac_?key|jwt_?secret|jwt_secret_key|webhook_?secret|session_?secret|cookie_?secret|app_?secret|db_pass|pass|dsn))[\"']?(?:\\s*\\])?\\s*(?::[^=\\n]*)?[=:]\\s*[rbuRBU]{0,2}(?:\"\"\"|'''|\"|')[^\"'\\n]{4,}(?:\"\"\"|'''|\"|')$")
 (#not-match? @risk.secrets "(?-u)(?:\"\"\"|'''|\"|')(?:[A-Z][A-Z0-9_]{2,}|<[^\"']*>|\\$\\{[^\"']*\\}|\\{\\{?[^\"']*\\}\\}?|[*x.]+|(?:Bearer|Basic|Token) ?|(?i:your|my|example|placeholder|dummy|fake|redacted|test|testing)[-_ ][^\"']*|(?i:changeme_later|none|null|password|secret|token)|https?://[^\"':@]*|/[^\"']*|[a-z]+(?:\\.[a-z_]+)+)(?:\"\"\"|'''|\"|')$"))
; Credentials passed positionally or as a tuple of literals: `smtp.login("user", "hunter22")`,
; `HTTPBasicAuth("user", "pass")`, `auth=("user", "pass")`; secret stores and clients (AWS Secrets
; Manager and KMS, GCP Secret Manager, Azure Key Vault); environment variables and files that hold
; credentials.
((call) @risk.secrets
 (#match? @risk.secrets "(?-u)^(?:(?:\\w+\\s*\\.\\s*)*(?:login|simple_bind_s|bind_s|HTTPBasicAuth|HTTPDigestAuth|BasicAuth|PlainCredentials|Credentials|StaticCredentials)\\s*\\((?:\\s|#[^\\n]*)*[^,()]+,\\s*[rbu]?[\"'][^\"'{]{4,}[\"']|(?:\\w+\\s*\\.\\s*)*(?:client|resource)\\s*\\((?:\\s|#[^\\n]*)*(?:service_name\\s*=\\s*)?[\"'](?:secretsmanager|kms)[\"']|(?:\\w+\\s*\\.\\s*)*(?:SecretClient|SecretManagerServiceClient|SecretsManagerCache)\\s*\\(|(?:os\\s*\\.\\s*)?(?:getenv|environ\\s*\\.\\s*get|environ\\s*\\.\\s*setdefault)\\s*\\((?:\\s|#[^\\n]*)*[\"'][^\"']*(?i:password|passwd|secret|token|api_?key|private_key|credential|access_key|signing_key|_key[\"']|_pass[\"']|_pwd[\"']|_dsn[\"']|database_url)|(?:env|environ|config|decouple\\s*\\.\\s*config)(?:\\s*\\.\\s*(?:str|bool|int|json|url|db|db_url|get_value|get))?\\s*\\((?:\\s|#[^\\n]*)*[\"'][^\"']*(?i:password|passwd|secret|token|api_?key|private_key|credential|access_key|signing_key|_key[\"']|_pass[\"']|_pwd[\"']|_dsn[\"']|database_url)|(?:open|io\\s*\\.\\s*open|Path|pathlib\\s*\\.\\s*Path)\\s*\\((?:\\s|#[^\\n]*)*[rbuf]*[\"'][^\"']*(?i:secrets?[/._\"'-]|credentials?[/._\"'-]|passw|tokens?[/._\"'-]|privkey|private[_.-]?key|\\.pem[\"']|\\.key[\"']|id_rsa|id_ed25519|id_ecdsa|\\.p12[\"']|\\.pfx[\"']|\\.jks[\"']|keystore|\\.netrc|\\.pgpass|\\.aws/|/run/secrets/))"))
(keyword_argument
  name: (identifier) @name (#any-of? @name "auth" "http_auth" "basic_auth" "credentials")
  value: (tuple . (string) . (string) @pw)
  (#match? @pw "(?-u)^[rbuRBU]*[\"'][^\"'{]{4,}[\"']$")) @risk.secrets
; Secret reads and writes on any client: Secrets Manager, SSM with decryption, GCP Secret Manager,
; Vault (hvac), keyring, Kubernetes secrets, pydantic SecretStr.
(call
  function: (attribute) @f
  (#match? @f "(?-u)\\.\\s*(get_secret_value|batch_get_secret_value|create_secret|put_secret_value|update_secret|rotate_secret|delete_secret|restore_secret|access_secret_version|add_secret_version|create_secret_version|read_secret_version|create_or_update_secret|read_secret|get_secret|set_secret|fetch_secret|load_secret|load_secrets|get_credential|get_parameters_by_path|reveal|expose_secret|create_namespaced_secret|patch_namespaced_secret|read_namespaced_secret|create_access_key|create_service_account_key)$|^keyring\\s*\\.\\s*(get_password|set_password|delete_password|get_credential)$")) @risk.secrets
(call
  function: (attribute) @f (#match? @f "(?-u)\\.\\s*(get_parameter|get_parameters)$")
  arguments: (argument_list (keyword_argument name: (identifier) @k (#eq? @k "WithDecryption")))) @risk.secrets
; `os.environ["DB_PASSWORD"]`; `headers["Authorization"] = ..`.
((subscript) @risk.secrets
 (#match? @risk.secrets "(?-u)^(?:os\\s*\\.\\s*)?environ\\s*\\[\\s*[\"'][^\"']*(?i:password|passwd|secret|token|api_?key|private_key|credential|access_key|signing_key|_key[\"']|_pass[\"']|_pwd[\"']|_dsn[\"']|database_url)"))
((assignment) @risk.secrets
 (#match? @risk.secrets "(?-u)^(?:\\w+\\s*\\.\\s*)*(?i:\\w*headers)\\s*\\[\\s*[\"'](?i:authorization|proxy-authorization|x-api-key|api-key|x-auth-token|x-access-token|private-token|x-vault-token)[\"']\\s*\\]\\s*="))
; Credentials in settings whatever their value (SECRET_KEY, AWS keys, mail passwords), and fields
; typed as secrets.
((assignment) @risk.secrets
 (#match? @risk.secrets "(?-u)^(?:\\w+\\s*\\.\\s*)*(?:\\w+\\s*\\[\\s*[\"'])?(?:SECRET_KEY|secret_key|JWT_SECRET_KEY|SECRET_KEY_FALLBACKS|AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID|AWS_SESSION_TOKEN|SECURITY_PASSWORD_SALT|WTF_CSRF_SECRET_KEY|SIGNING_KEY|FERNET_KEYS?|ENCRYPTION_KEY|EMAIL_HOST_PASSWORD|MAIL_PASSWORD|DATABASE_PASSWORD|DB_PASSWORD)(?:[\"']\\s*\\])?\\s*=\\s*[^\\s\"'rbu]|^\\w+\\s*:\\s*(?:\\w+\\s*\\.\\s*)*(?:Optional\\s*\\[\\s*)?(?:SecretStr|SecretBytes|Secret)\\b"))
; Credentials sent in request headers.
((pair) @risk.secrets
 (#match? @risk.secrets "(?-u)^[\"'](?i:authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|x-access-token|private-token|x-vault-token|x-goog-api-key|ocp-apim-subscription-key)[\"']\\s*:"))

; Literals that look like credentials: AWS keys, PEM private keys, GitHub / Stripe / Slack / Google /
; OpenAI / GitLab / npm tokens, JWTs, URLs and DSNs with a password in them.
((string) @risk.secrets
 (#match? @risk.secrets "(?-u)\\b(AKIA|ASIA)[0-9A-Z]{16}\\b|-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----|\\bgh[pousr]_[A-Za-z0-9]{36}\\b|\\bgithub_pat_[A-Za-z0-9_]{22,}|\\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}|\\bxox[abprs]-[0-9A-Za-z-]{10,}|\\bAIza[0-9A-Za-z_-]{35}\\b|\\bsk-(proj-|ant-)?[A-Za-z0-9_-]{20,}|\\bglpat-[0-9A-Za-z_-]{20}|\\bnpm_[A-Za-z0-9]{36}\\b|\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}|[a-z][a-z0-9+.-]*://[^/\\s:@\"'{}]+:[^/\\s@\"'{}$]+@|(?i)\\bpassword=[^\\s{&;\"']{4,}|^[rbuRBU]*[\"'](Basic|Bearer|Token) [A-Za-z0-9+/=._~-]{12,}[\"']$"))

; =====================================================================================================
; network: listeners, ports, bind addresses, firewalls and security groups, CORS, proxies, routing
; =====================================================================================================

; Servers and listeners (http.server, socketserver, wsgiref, asyncio, websockets, grpc, aiohttp,
; waitress); CORS, proxy and trusted-host middleware; Django URL patterns.
((call) @risk.network
 (#match? @risk.network "(?-u)^(?:(?:\\w+\\s*\\.\\s*)*(?:HTTPServer|ThreadingHTTPServer|TCPServer|UDPServer|ThreadingTCPServer|ThreadingUDPServer|ForkingTCPServer|ForkingUDPServer|UnixStreamServer|UnixDatagramServer|SimpleXMLRPCServer|DocXMLRPCServer|WSGIServer|make_server|start_server|start_unix_server|create_server|create_unix_server|create_datagram_endpoint|run_app|run_simple|serve_forever|CORS|cors|ProxyFix|ProxyHeadersMiddleware|TrustedHostMiddleware|HTTPSRedirectMiddleware|ForwardedMiddleware)\\s*\\(|(?:waitress|websockets|hypercorn\\s*\\.\\s*asyncio|bjoern|grpc\\s*\\.\\s*aio|grpc)\\s*\\.\\s*(?:serve|server|listen)\\s*\\(|(?:\\w+\\s*\\.\\s*)*add_middleware\\s*\\((?:\\s|#[^\\n]*)*(?:\\w+\\s*\\.\\s*)*(?:CORSMiddleware|TrustedHostMiddleware|HTTPSRedirectMiddleware|ProxyHeadersMiddleware)\\b|(?:path|re_path|url)\\s*\\((?:\\s|#[^\\n]*)*[rbu]?[\"'][^\"']*[\"']\\s*,\\s*[\\w.]+|(?:\\w+\\s*\\.\\s*)+mount\\s*\\((?:\\s|#[^\\n]*)*(?:path\\s*=\\s*)?[rbuf]?[\"']/)"))
; Listeners and routes on any receiver: sockets bound to an address, servers started with a host or
; port, grpc ports, security groups and firewall rules, URL rules, routers and mounts.
(call
  function: (attribute) @f
  (#match? @f "(?-u)\\.\\s*(add_insecure_port|add_secure_port|authorize_security_group_ingress|authorize_security_group_egress|revoke_security_group_ingress|revoke_security_group_egress|create_security_group|delete_security_group|modify_security_group_rules|create_network_acl_entry|replace_network_acl_entry|create_firewall_rule|create_or_update_security_rule|add_url_rule|include_router|register_blueprint|add_api_route|add_api_websocket_route|add_route|add_get|add_post|add_put|add_delete|add_patch|add_routes|add_websocket_route|add_resource|add_namespace|add_static)$")) @risk.network
(call
  function: (attribute) @f
  (#match? @f "(?-u)\\.\\s*(bind|listen)$")
  arguments: (argument_list . [(tuple) (string) (identifier) (attribute) (integer) (call) (subscript) (binary_operator) (parenthesized_expression)] @a)
  (#match? @a "(?-u)(?i)addr|address|host|port|socket|listen|bind|endpoint|0\\.0\\.0\\.0|127\\.0\\.0\\.1|localhost|::|^\\(|^\\d+$|^[rbuf]*[\"']")) @risk.network
(call
  function: [(identifier) (attribute)] @f
  (#match? @f "(?-u)(^|\\.)(run|serve|run_app|run_simple|run_server|start_server|listen|start|run_forever|runserver|socketio_run)$")
  arguments: (argument_list (keyword_argument name: (identifier) @k (#any-of? @k "host" "port" "bind" "listen" "address" "unix_socket" "uds" "fd")))) @risk.network
(call
  function: (attribute) @f (#match? @f "(?-u)\\.\\s*setsockopt$")
  arguments: (argument_list) @args
  (#match? @args "(?-u)SO_REUSEADDR|SO_REUSEPORT|SO_BROADCAST|IPV6_V6ONLY|SO_BINDTODEVICE")) @risk.network

; Routes: every route exposes an endpoint. Flask, FastAPI, Starlette, aiohttp, Sanic; CORS decorators.
((decorator) @risk.network
 (#match? @risk.network "(?-u)^@\\s*(\\w+\\s*\\.\\s*)+(route|get|post|put|patch|delete|head|options|websocket|api_route|trace|view)\\s*\\((?:\\s|#[^\\n]*)*[rf]?[\"']/|^@\\s*(\\w+\\.)*cross_origin\\b"))

; Proxies, CORS origins, trusted hosts and listen addresses as settings; ports and hosts with literal
; values.
([(assignment) (keyword_argument) (pair)] @risk.network
 (#match? @risk.network "(?-u)^(?:\\w+\\s*\\.\\s*)*(?:\\w+\\s*\\[\\s*)?[\"']?(?:ALLOWED_HOSTS|INTERNAL_IPS|CORS_\\w+|SECURE_PROXY_SSL_HEADER|USE_X_FORWARDED_HOST|USE_X_FORWARDED_PORT|SERVER_NAME|TRUSTED_PROXIES|FORWARDED_ALLOW_IPS|HTTP_PROXY|HTTPS_PROXY|NO_PROXY|ALLOWED_ORIGINS|ALLOWED_CIDRS|IP_WHITELIST|IP_ALLOWLIST|proxies|trust_env|allow_origins|allow_origin_regex|allow_credentials|allowed_hosts|forwarded_allow_ips|proxy_headers|origins|supports_credentials|CidrIp|CidrIpv6|IpRanges|source_ranges|sourceRanges)[\"']?(?:\\s*\\])?\\s*(?::[^=\\n]*)?[=:]|^(?:\\w+\\s*\\.\\s*)*[\"']?(?i:(?:\\w+_)?port)[\"']?\\s*(?::[^=\\n]*)?[=:]\\s*[1-9][0-9_]{1,5}$|^(?:\\w+\\s*\\.\\s*)*[\"']?(?i:(?:\\w+_)?(?:addr|address|host|bind|listen|bind_addr|listen_addr|bind_address|listen_address|socket_addr|server_addr|bind_host|listen_host))[\"']?\\s*(?::[^=\\n]*)?[=:]\\s*[rbu]*[\"'](?:(?:\\d{1,3}\\.){3}\\d{1,3}(?::\\d+)?|\\[?[0-9a-fA-F:]*::[0-9a-fA-F:]*\\]?(?::\\d+)?|localhost(?::\\d+)?|:\\d+|unix:[^\"']+)[\"']$"))
; Unspecified (all-interfaces) addresses, open CIDRs and CORS headers.
((string) @risk.network
 (#match? @risk.network "(?-u)^[rbuRBU]*[\"'](0\\.0\\.0\\.0(:\\d+|/0)?|\\[::\\](:\\d+)?|::/0|::|(?i)access-control-allow-(origin|credentials|methods|headers))[\"']$"))

; =====================================================================================================
; data: destructive or schema-changing data operations: DELETE, DROP, TRUNCATE, migrations,
; recursive deletes
; =====================================================================================================

; SQL that drops, deletes, truncates or changes the schema, in a string that is passed, bound, returned
; or built (docstrings are left out). Lowercase SQL counts when it starts a line or follows a `;`.
([
  (argument_list (string) @risk.data)
  (assignment right: (string) @risk.data)
  (keyword_argument value: (string) @risk.data)
  (return_statement (string) @risk.data)
  (concatenated_string (string) @risk.data)
  (parenthesized_expression (string) @risk.data)
  (binary_operator left: (string) @risk.data)
  (list (string) @risk.data)
 ]
 (#match? @risk.data "(?-u)(?im)(^|[\"';])\\s*(drop\\s+(table|database|schema|index|view|column|constraint|type|trigger|function|extension|sequence|materialized\\s+view|collection|keyspace)\\b|delete\\s+from\\s|truncate(\\s+table)?\\s+[\\w\"`{]|alter\\s+(table|database|schema|index|type|sequence|view)\\s|create\\s+(unique\\s+)?(table|index|schema|database|type|view|materialized\\s+view|extension|trigger|sequence)\\b|rename\\s+table\\s|flushall\\b|flushdb\\b|with\\s[\\s\\S]*\\bdelete\\s+from\\s)|(?-i:\\b(DROP (TABLE|DATABASE|SCHEMA|INDEX|COLUMN|VIEW)|DELETE FROM|TRUNCATE TABLE|ALTER TABLE)\\b)|(?i:^[rbuf]*[\"'][^\"']*\\bupdate\\s+[\\w.\"`]+\\s+set\\s[^\"']*[\"']$)")
 (#not-match? @risk.data "(?-u)(?i)^[rbuf]*[\"'][^\"']*\\bupdate\\s+[\\w.\"`]+\\s+set\\s[^\"']*\\bwhere\\b"))

; ORM bulk and row deletes on any receiver: SQLAlchemy `query(..).filter(..).delete()` and
; `session.delete(obj)`, Django `objects.filter(..).delete()`; schema changes and wipes
; (metadata.drop_all / create_all, Table.drop); Mongo, Redis, S3, DynamoDB, Elasticsearch drops and
; deletes; pathlib deletes; Alembic operations.
(call
  function: (attribute) @f
  (#match? @f "(?-u)\\.\\s*(filter|filter_by|where|exclude|all|query|select|in_bulk)\\s*\\([^()]*(\\([^()]*(\\([^()]*\\)[^()]*)*\\)[^()]*)*\\)\\s*\\.\\s*(delete|_raw_delete|truncate)$|\\.\\s*objects\\s*\\.\\s*delete$|(^|\\.)(session|db_session|dbsession|db|Session\\(\\))\\s*\\.\\s*delete$|\\.\\s*(drop_all|create_all|drop_database|create_database|drop_collection|drop_table|drop_index|drop_indexes|delete_many|delete_one|find_one_and_delete|bulk_delete|flushall|flushdb|delete_objects|delete_bucket|delete_object|delete_table|delete_item|delete_by_query|delete_index|delete_db_instance|delete_db_cluster|delete_db_snapshot|delete_snapshot|delete_volume|delete_file_system|delete_backup|purge_queue|delete_queue|delete_topic|delete_stream|truncate_table|remove_all|delete_all|purge_all|wipe_all|truncate_all|hard_delete|delete_collection|drop_keyspace|unlink|rmdir|rmtree)$|(?i)(coll|collection|table|database|\\bdb|schema|bucket|keyspace|topic)\\w*(\\([^()]*\\))?\\s*\\.\\s*drop$|^(op|batch_op)\\s*\\.\\s*((drop|create|add|alter|rename)_\\w+|execute|batch_alter_table|bulk_insert)$")) @risk.data
; SQLAlchemy `delete(User)`, peewee `User.delete()`, Django migration operations and management
; commands, Alembic commands; recursive and file deletes (shutil, os, send2trash).
((call) @risk.data
 (#match? @risk.data "(?-u)^(?:(?:(?:sa|sqlalchemy|sql)\\s*\\.\\s*)?delete\\s*\\((?:\\s|#[^\\n]*)*(?:[A-Z]\\w*|\\w*_?table|\\w+\\s*\\.\\s*__table__)\\s*[),]|[A-Z]\\w*\\s*\\.\\s*delete\\s*\\((?:\\s|#[^\\n]*)*\\)|migrations\\s*\\.\\s*(?:RemoveField|DeleteModel|AlterField|RenameField|RenameModel|AddField|CreateModel|RunSQL|RunPython|AlterModelTable|AlterUniqueTogether|AlterIndexTogether|RemoveIndex|AddIndex|RemoveConstraint|AddConstraint|AlterModelOptions|SeparateDatabaseAndState)\\s*\\(|(?:\\w+\\s*\\.\\s*)*call_command\\s*\\((?:\\s|#[^\\n]*)*[\"'](?:flush|migrate|sqlflush|reset_db|makemigrations|loaddata|squashmigrations)[\"']|(?:alembic\\s*\\.\\s*)?command\\s*\\.\\s*(?:upgrade|downgrade|stamp)\\s*\\(|(?:shutil\\s*\\.\\s*)?rmtree\\s*\\(|os\\s*\\.\\s*(?:remove|unlink|rmdir|removedirs)\\s*\\(|(?:send2trash|send_to_trash)\\s*\\()"))
; Django and Alembic migration classes.
(class_definition
  name: (identifier) @name
  superclasses: (argument_list) @b
  (#match? @b "(?-u)^\\((?:\\s|#[^\\n]*)*(\\w+\\.)*Migration\\s*\\)$")) @risk.data

; Functions that migrate, drop, truncate, wipe or purge.
(function_definition
  name: (identifier) @name
  (#match? @name "(?-u)^((run|apply|revert|undo|perform|execute|do|rollback)_)?migrat(e|ions?)$|^(run|apply|revert|undo|rollback)_\\w*migrations?$|^migrate_\\w+$|^(drop|truncate)_(table|tables|database|schema|all|collection|db)s?$|^(wipe|nuke|reset)_(db|database|data|all|tables|schema|storage)$|^(delete|purge|remove)_all(_\\w+)?$|^(hard_delete|purge)_\\w+$")) @risk.data

; =====================================================================================================
; deploy: CI/CD, infrastructure as code, containers, rollouts, scaling, process execution
; =====================================================================================================

; Process execution (subprocess, os, asyncio, pexpect, pty, sh, plumbum, `from subprocess import
; run`, fabric / invoke), the docker SDK, the Kubernetes client's kubeconfig and workload objects.
((call) @risk.deploy
 (#match? @risk.deploy "(?-u)^(?:(?:subprocess|sp)\\s*\\.\\s*(?:run|call|check_call|check_output|Popen|getoutput|getstatusoutput)\\s*\\(|os\\s*\\.\\s*(?:system|popen|popen2|popen3|exec[lv]p?e?|spawn[lv]p?e?|posix_spawnp?|startfile|fork|forkpty)\\s*\\(|(?:asyncio\\s*\\.\\s*)?(?:create_subprocess_exec|create_subprocess_shell)\\s*\\(|(?:pexpect|pty)\\s*\\.\\s*(?:spawn|run)\\s*\\(|(?:Popen|check_output|check_call|getoutput|getstatusoutput)\\s*\\(|sh\\s*\\.\\s*Command\\s*\\(|plumbum\\s*\\.\\s*local\\s*\\[|(?:run|call)\\s*\\((?:\\s|#[^\\n]*)*(?:\\[|[rbuf]*[\"'])|(?:run|call)\\s*\\([^()]*\\b(?:shell|check|capture_output|cwd|universal_newlines)\\s*=|(?:c|ctx|conn|connection|context|cxn|remote|fab)\\s*\\.\\s*(?:run|sudo|local)\\s*\\((?:\\s|#[^\\n]*)*[rbuf]*[\"']|docker\\s*\\.\\s*(?:from_env|DockerClient|APIClient)\\s*\\(|(?:kubernetes\\s*\\.\\s*)?config\\s*\\.\\s*(?:load_kube_config|load_incluster_config|new_client_from_config)\\s*\\(|(?:\\w+\\s*\\.\\s*)*(?:V1Deployment|V1DeploymentSpec|V1StatefulSet|V1StatefulSetSpec|V1DaemonSet|V1DaemonSetSpec|V1Job|V1JobSpec|V1CronJob|V1PodSpec|V1PodTemplateSpec|V1Container|V1Scale|V1ScaleSpec|V2HorizontalPodAutoscaler|V1HorizontalPodAutoscaler)\\s*\\()"))
; Deployments on any client: docker containers and images, Kubernetes workloads and scaling, ECS,
; Lambda, autoscaling, CloudFormation, CodeDeploy, EC2, CodePipeline; remote command execution.
(call
  function: (attribute) @f
  (#match? @f "(?-u)\\.\\s*(?:(create|patch|replace|delete)_namespaced_(deployment|stateful_set|daemon_set|replica_set|job|cron_job|pod|horizontal_pod_autoscaler|replication_controller)(_scale|_status)?|delete_collection_namespaced_\\w+|create_namespaced_pod_eviction|(update|create|delete)_service|register_task_definition|deregister_task_definition|run_task|stop_task|update_function_code|update_function_configuration|create_function|delete_function|publish_version|update_alias|create_alias|set_desired_capacity|update_auto_scaling_group|create_auto_scaling_group|start_instance_refresh|(create|update|delete)_stack|execute_change_set|create_change_set|create_deployment|stop_deployment|continue_deployment|terminate_instances|run_instances|reboot_instances|stop_instances|start_instances|start_pipeline_execution|start_build|scale_service|set_replicas|rollout|deploy|redeploy|promote_canary|rollback_deployment|rollback_release|update_environment|swap_environment_cnames|subprocess_exec|subprocess_shell|exec_command|exec_run|invoke_shell)$|(^|\\.)containers\\s*\\.\\s*(run|create|prune)$|(^|\\.)images\\s*\\.\\s*(build|push|pull|remove|prune|load)$")) @risk.deploy
; Replica counts and images.
([(keyword_argument) (pair)] @risk.deploy
 (#match? @risk.deploy "(?-u)^[\"']?(?:replicas|min_replicas|max_replicas|minReplicas|maxReplicas|desiredCount|DesiredCount|desired_count|DesiredCapacity|MinSize|MaxSize|desired_capacity|image_tag|imagePullPolicy)[\"']?\\s*[=:]|^[\"']image[\"']\\s*:"))

; Functions that deploy, roll out, roll back or scale.
(function_definition
  name: (identifier) @name
  (#match? @name "(?-u)^(deploy|redeploy|rollout|roll_out|canary|provision|terraform|helm|kubectl)(_|$)|^(rollback|roll_back)_(deployment|deploy|release|service|rollout|version|canary)s?$|_(deploy|deploys|deployment|deployments|redeploy|rollout|canary)$|^(scale|scale_(up|down|out|in|to))_(\\w+_)?(deployment|service|replicas|workers|cluster|statefulset|pods?|nodes?|fleet|capacity)s?$|^(set|update)_replicas$|^restart_(service|deployment|pods?|workload)s?$|^(drain|cordon)_nodes?$")) @risk.deploy

; =====================================================================================================
; memory: memory-safety escapes: FFI and raw memory through ctypes and cffi
; =====================================================================================================

; Native libraries loaded, raw pointers cast and dereferenced, memory copied by address.
((call) @risk.memory
 (#match? @risk.memory "(?-u)^(?:ctypes\\s*\\.\\s*(?:CDLL|WinDLL|OleDLL|PyDLL|cdll\\s*\\.\\s*LoadLibrary|windll\\s*\\.\\s*LoadLibrary|LibraryLoader|cast|memmove|memset|string_at|wstring_at|addressof|pointer|byref|from_address|c_void_p|create_string_buffer|pythonapi\\s*\\.\\s*\\w+)|(?:\\w+\\s*\\.\\s*)*(?:from_address|from_buffer|from_buffer_copy)|cffi\\s*\\.\\s*FFI|FFI|ffi\\s*\\.\\s*(?:cast|new|dlopen|buffer|from_buffer|memmove|gc|addressof))\\s*\\("))


; Endpoints a service calls, as constants: `BASE_URL = "https://inventory.partner.example/api"`.
((expression_statement (assignment left: (identifier) @name right: (string) @v)) @risk.config
 (#match? @name "(?-u)^[A-Z][A-Z0-9_]*(URL|URI|ENDPOINT|BASE|HOST|ADDR|ADDRESS|SERVER|API)$")
 (#match? @v "(?-u)^[rbuf]*[\"'](https?|grpcs?|wss?|amqps?|redis|rediss|postgres|postgresql|mysql|mongodb(\\+srv)?|nats|kafka)://"))

; Tests are not high-impact: no hotspot is reported inside pytest/unittest tests.
((function_definition name: (identifier) @_n) @ignore (#match? @_n "^test_"))
((decorated_definition definition: (function_definition name: (identifier) @_n)) @ignore (#match? @_n "^test_"))
((class_definition name: (identifier) @_n) @ignore (#match? @_n "^Test[A-Z_]"))
