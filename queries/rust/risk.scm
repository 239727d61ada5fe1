; Risk queries for Rust. Capture names say the category: @risk.<category>; @name names the hotspot.
;
; Conventions used below:
; - A "path call" is a call whose callee is an identifier or a path (`decode(..)`,
;   `jsonwebtoken::decode(..)`, `decode::<Claims>(..)`); its callee text is matched with an anchored
;   regex such as "(^|::)Type::method$", so any prefix (`std::`, `tokio::`, `rustls::`) is accepted.
; - A "method call" is `receiver.method(..)` (or `receiver.method::<T>(..)`). Its callee, the
;   `field_expression` `receiver.method`, is matched with a regex anchored at the end,
;   "\.\s*(name|name2)$", sometimes together with what the receiver is ("session\s*\.\s*insert$").
;   Matching `field: (field_identifier)` structurally instead would make tree-sitter keep a pending
;   state for every pattern through the whole receiver, which is quadratic on long builder chains
;   (`Router::new().route(..)` x 400 took 0.45 s; this way 0.1 s). For the same reason arguments
;   are checked, where possible, with a regex anchored at the end of the call text. End-anchored
;   regexes run backwards from the end, so they cost the length of the match, not of the text.
; - Method-call hotspots start where their receiver starts: in a multi-line builder chain, every
;   captured method of the chain starts on the chain's first line.
; - Every regex uses Rust `regex` syntax; backslashes are doubled because these are query strings.
;   Each starts with `(?-u)`: ASCII classes (`\w`, `(?i)`) compile several times faster than
;   Unicode ones, and identifiers and SQL keywords are ASCII.
; - The captured node is what a reviewer must look at: the function for a definition, the call for a
;   call, the `let`/`const`/`static`/field for a value, the string literal for SQL or a key.

; =====================================================================================================
; auth: authentication, sessions, tokens, passwords, permission checks, access-control decisions
; =====================================================================================================

; Functions (and trait method declarations) that verify tokens, passwords or sessions, check
; permissions, or log people in and out. Lexer-style names (`next_token`, `peek_token`,
; `check_token`, `tokenize`) and input validation (`validate_email`) do not match.
([
  (function_item name: (identifier) @name)
  (function_signature_item name: (identifier) @name)
 ] @risk.auth
 (#match? @name "(?-u)(?i)^(verify|validate|authenticate|decode|introspect|issue|mint|sign|refresh|revoke|invalidate|rotate|extract|blacklist|blocklist|store)_(\\w+_)?(token|jwt|jwts)$|^(\\w+_)?(access|refresh|auth|bearer|api|session|id|csrf|xsrf|reset|invite|verification|magic_link|remember_me)_tokens?(_\\w+)?$|(^|_)(jwt|jwts|bearer|oauth2?|oidc|saml|sso|mfa|totp|hotp|otp|two_factor|2fa|webauthn|passkey|csrf|xsrf)(_|$)|(^|_)(auth|authn|authz|authenticate[ds]?|authentication|authori[sz]e[ds]?|authori[sz]ation|unauthori[sz]ed|unauthenticated)(_|$)|(^|_)(log_?in|log_?out|sign_?in|sign_?out|sign_?up|impersonate|reauthenticate)(_|$)|^(verify|validate|check|compare|reset|change|update|set|confirm|rehash)_(\\w+_)?(password|passwd|passphrase|credentials?)s?$|^(password|credentials?)_(matches|valid|is_valid|verify|check)$|^(create|new|start|begin|establish|destroy|end|invalidate|revoke|renew|refresh|rotate|regenerate|cycle|expire|purge|terminate|delete|clear|validate|verify|check|extract|require)_(\\w+_)?(session|sessions|session_id)$|^(has|check|require|ensure|enforce|verify|authori[sz]e|can)_(\\w+_)?(permission|permissions|role|roles|access|scope|scopes|privilege|privileges|admin|owner|ownership|membership|capability|capabilities|acl|policy)$|^is_(admin|superuser|super_admin|superadmin|staff|owner|authenticated|authori[sz]ed|logged_in|signed_in|permitted)$|^(can|may)_(access|manage|administer|edit|delete|modify|view|impersonate)(_\\w+)?$|^(verify|validate|authenticate)_(\\w+_)?(api_key|apikey|webhook|claims|credentials?|identity|origin|user)s?$|(^|_)(admin|acl|rbac|permission|role)_(guard|middleware|layer|filter)(_|$)"))

; Calls to the same kind of function: the access-control decision at the call site.
(call_expression
  function: [
    (identifier) @fn
    (scoped_identifier name: (identifier) @fn)
    (generic_function function: [(identifier) @fn (scoped_identifier name: (identifier) @fn)])
  ]
  (#match? @fn "(?-u)(?i)^(verify|validate|authenticate|decode|introspect|issue|mint|refresh|revoke|invalidate|rotate)_(\\w+_)?(token|jwt)$|^(verify|validate|check|compare|reset|change|confirm)_(\\w+_)?(password|passwd|passphrase|credentials?)s?$|^(create|new|start|destroy|end|invalidate|revoke|renew|rotate|regenerate|cycle|expire|purge|terminate|validate|verify|require)_(\\w+_)?(session|session_id)$|^(has|check|require|ensure|enforce|verify|authori[sz]e|can)_(\\w+_)?(permission|permissions|role|roles|access|scope|scopes|privilege|privileges|admin|owner|ownership|membership|acl|policy)$|^(can|may)_(access|manage|administer|edit|delete|modify|view|impersonate)(_\\w+)?$|^(verify|validate|authenticate)_(\\w+_)?(api_key|apikey|webhook|claims|credentials?|identity|origin)s?$|^(authenticate|authori[sz]e|login|log_in|logout|log_out|sign_in|sign_out|impersonate|reauthenticate|require_auth\\w*|verify_with_key|decode_header|exchange_code|exchange_refresh_token|exchange_password|exchange_client_credentials|exchange_device_access_token|set_pkce_challenge|set_pkce_verifier|insecure_disable_signature_validation|set_audience|set_issuer|set_required_spec_claims|authorize_url|introspect|verify_password)$")) @risk.auth
(call_expression
  function: [(field_expression) @f (generic_function function: (field_expression) @f)]
  (#match? @f "(?-u)(?i)\\.\\s*(?:(verify|validate|authenticate|decode|introspect|issue|mint|refresh|revoke|invalidate|rotate)_(\\w+_)?(token|jwt)|(verify|validate|check|compare|reset|change|confirm)_(\\w+_)?(password|passwd|passphrase|credentials?)s?|(create|new|start|destroy|end|invalidate|revoke|renew|rotate|regenerate|cycle|expire|purge|terminate|validate|verify|require)_(\\w+_)?(session|session_id)|(has|check|require|ensure|enforce|verify|authori[sz]e|can)_(\\w+_)?(permission|permissions|role|roles|access|scope|scopes|privilege|privileges|admin|owner|ownership|membership|acl|policy)|(can|may)_(access|manage|administer|edit|delete|modify|view|impersonate)(_\\w+)?|(verify|validate|authenticate)_(\\w+_)?(api_key|apikey|webhook|claims|credentials?|identity|origin)s?|(authenticate|authori[sz]e|login|log_in|logout|log_out|sign_in|sign_out|impersonate|reauthenticate|require_auth\\w*|verify_with_key|decode_header|exchange_code|exchange_refresh_token|exchange_password|exchange_client_credentials|exchange_device_access_token|set_pkce_challenge|set_pkce_verifier|insecure_disable_signature_validation|set_audience|set_issuer|set_required_spec_claims|authorize_url|introspect|verify_password))$")) @risk.auth

; `verify`/`validate`/`enforce` on a JWT, session, auth or policy object: `state.jwt.verify(token)`,
; `enforcer.enforce((sub, obj, act))`.
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)(?i)(jwt|jwks?|tokens?|token_service|token_verifier|jwt_validator|auth\\w*|sessions?|claims|authenticator|authorizer|enforcer|acl|rbac|permissions|policy_engine|opa)\\s*\\.\\s*(verify|validate|decode|check|authenticate|authorize|enforce|verify_token|is_allowed|is_permitted|permits|allows)$")) @risk.auth
; A bare `fn verify(&self, token: &str)` / `fn check(password: ..)`: the parameters say what it checks.
(function_item
  name: (identifier) @name (#match? @name "(?-u)^(verify|validate|check|authenticate|authorize|decode|login|parse)$")
  parameters: (parameters
    (parameter pattern: (identifier) @p
      (#match? @p "(?-u)(?i)^(\\w+_)?(token|jwt|password|passwd|credentials?|creds|bearer|api_key|session_id|claims)$")))) @risk.auth

; `is_admin`-style flags and predicates, whether read as a field or called as a method.
((field_expression) @risk.auth
 (#match? @risk.auth "(?-u)\\.\\s*(?:is_(admin|superuser|super_admin|superadmin|staff|owner|authenticated|authori[sz]ed|logged_in|signed_in|permitted|verified_user))$"))
(call_expression
  function: [(identifier) (scoped_identifier)] @fn
  (#match? @fn "(?-u)(^|::)is_(admin|superuser|super_admin|superadmin|staff|owner|authenticated|authori[sz]ed|logged_in|signed_in|permitted)$")) @risk.auth

; JWT: jsonwebtoken / jwt decode and encode, validation settings.
(call_expression
  function: [
    (scoped_identifier) @fn
    (generic_function function: [(identifier) (scoped_identifier)] @fn)
  ]
  (#match? @fn "(?-u)(^|::)(jsonwebtoken|jwt|jwt_simple|josekit|biscuit|jwt_compact|frank_jwt)::(\\w+::)*(decode\\w*|encode\\w*|verify\\w*)$|(^|::)decode_header$|^Validation::(default|new_\\w+)$|(^|::)(bcrypt|pbkdf2|scrypt|argon2|password_hash|pwhash|sha_crypt)::verify\\w*$|(^|::)(ValidateRequestHeaderLayer|RequireAuthorizationLayer|AsyncRequireAuthorizationLayer|HttpAuthentication|AuthManagerLayerBuilder|AuthManagerLayer|SessionManagerLayer|SessionMiddleware|SessionLayer|IdentityMiddleware|CookieSession|CookieSessionStore|BasicClient|CsrfToken|PkceCodeChallenge|GuardMiddleware)::\\w+$")) @risk.auth
(call_expression
  function: (generic_function function: [(identifier) (scoped_identifier)] @fn)
  (#match? @fn "(?-u)(^|::)decode$")
  (#not-match? @fn "(?-u)(?i)base64|hex|bincode|rmp|serde|urlencod|percent|image|png|bs58|cbor|postcard|prost|protobuf|msgpack|codec")) @risk.auth
(call_expression
  function: (identifier) @fn (#eq? @fn "decode")
  arguments: (arguments . (_) . (_) . (_) .)) @risk.auth
(call_expression
  function: [(identifier) (scoped_identifier)] @fn (#match? @fn "(?-u)(^|::)(jsonwebtoken::)?Validation::new$")) @risk.auth
(call_expression
  function: (identifier) @fn (#eq? @fn "encode")
  arguments: (arguments) @args (#match? @args "(?-u)^\\(\\s*&?\\s*(jsonwebtoken::)?Header\\b")) @risk.auth
(call_expression
  function: (identifier) @fn (#eq? @fn "verify")
  arguments: (arguments) @args (#match? @args "(?-u)(?i)pass|pw|hash")) @risk.auth
(assignment_expression
  left: (field_expression) @l
  (#match? @l "(?-u)(?i)validation\\w*\\s*\\.\\s*\\w+$")) @risk.auth

; Sessions: `session.insert(..)`, `session.purge()`, `session.renew()`, ...
(call_expression
  function: [(field_expression) @f (generic_function function: (field_expression) @f)]
  (#match? @f "(?-u)(?i)(^|\\.)\\s*((\\w+_)?session|sess)\\s*\\.\\s*(insert|insert_value|remove|remove_value|purge|renew|clear|flush|cycle_id|set|destroy|delete|regenerate|set_expiry|get|get_value|invalidate|login|logout)$")) @risk.auth

; Session cookies and cookie security flags.
(call_expression
  function: [(identifier) (scoped_identifier)] @fn
  (#match? @fn "(?-u)(^|::)(Cookie|CookieBuilder)::(new|build|named|from|parse)$")
  arguments: (arguments) @args
  (#match? @args "(?-u)(?i)sess|\\bsid\\b|auth|token|jwt|login|remember|identity|csrf|xsrf")) @risk.auth
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*(http_only|same_site|with_secure|with_http_only|with_same_site|set_http_only|set_secure|set_same_site|cookie_secure|cookie_http_only|cookie_same_site|cookie_name|with_cookie_name|session_lifecycle|with_expiry|cookie_max_age|with_always_save)$")) @risk.auth
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*(secure)$")
  (#match? @f "(?-u)(?i)cookie|session")) @risk.auth

; Credentials read from a request: the Authorization header, `Bearer ` prefixes, auth extractors.
((call_expression
   function: [(field_expression) @f (generic_function function: (field_expression) @f)]) @risk.auth
 (#match? @f "(?-u)\\.\\s*(get|get_all|typed_get|typed_try_get|header|get_header)$")
 (#match? @risk.auth "(?-u)(?i)\\(\\s*&?\\s*((\\w+::)*(?-i:AUTHORIZATION|PROXY_AUTHORIZATION|COOKIE)|\"(authorization|proxy-authorization|x-api-key|api-key|x-auth-token|x-access-token|cookie)\")\\s*\\)$"))
(call_expression
  function: (generic_function) @g
  (#match? @g "(?-u)\\.\\s*(typed_get|typed_try_get|extract|extract_parts)\\s*::\\s*<.*(Authorization<|Bearer|Basic|Claims|Session).*>$")) @risk.auth
((call_expression
   function: (field_expression) @f) @risk.auth
 (#match? @f "(?-u)\\.\\s*(strip_prefix|trim_start_matches|starts_with)$")
 (#match? @risk.auth "(?-u)(?i)\\(\\s*\"(bearer|basic|token|digest) ?\"\\s*\\)$"))
(parameter
  type: (_) @t
  (#match? @t "(?-u)^(TypedHeader<\\s*)?(\\w+::)*Authorization<|^(\\w+::)*(BearerAuth|BasicAuth)$|^(Extension<\\s*)?(\\w+::)*(Claims|JwtClaims|TokenClaims|AccessClaims)>?$|^(\\w+::)*(AuthUser|AuthSession|AuthenticatedUser|AdminUser|CurrentUser|RequireAuth\\w*|AuthContext|Identity|AuthClaims)(<.*>)?$")) @risk.auth

; Auth middleware, guards and extractors.
(impl_item
  trait: (_) @trait
  type: (_) @name
  (#match? @trait "(?-u)(^|::)(FromRequestParts|FromRequest|OptionalFromRequestParts|OptionalFromRequest|Layer|Service|Transform|Guard|Middleware|Filter|Fairing|FromRequestRef)(<.*>)?$")
  (#match? @name "(?-u)(?i)auth|jwt|claims|session|admin|bearer|permission|acl|guard|identity|principal|api_?key|credential|current_?user|logged_?in|\\brole|^User$")) @risk.auth
(impl_item
  trait: (_) @name
  (#match? @name "(?-u)(^|::)(AuthnBackend|AuthzBackend|AuthUser|AsyncAuthorizeRequest|AuthorizeRequest|Authenticator|Authorizer|PasswordVerifier|SessionStore|CredentialsVerifier)(<.*>)?$")) @risk.auth
(call_expression
  function: [(identifier) (scoped_identifier)] @fn
  (#match? @fn "(?-u)(^|::)(from_fn|from_fn_with_state|from_extractor|from_extractor_with_state|map_request|map_request_with_state)$")
  arguments: (arguments) @args
  (#match? @args "(?-u)(?i)auth|jwt|session|permission|role|admin|login|guard|token|api_key|credential")) @risk.auth
(call_expression
  function: (field_expression) @f
  arguments: (arguments) @args
  (#match? @f "(?-u)\\.\\s*(layer|route_layer|wrap|wrap_fn|guard|and|with)$")
  (#match? @args "(?-u)(?i)auth|jwt|bearer|session|permission|acl|guard|login|admin")) @risk.auth

; Role and permission decisions written inline.
((binary_expression
  operator: ["==" "!="]) @risk.auth
 (#match? @risk.auth "(?-u)(?i)(password|passwd|api_?key|secret|(access|auth|bearer|session|api|expected|provided|csrf|xsrf|refresh|reset)_?token)\\b|\\b(Role|Roles|Permission|Permissions|Scope|Privilege)::\\w+|\\.roles?\\b|\\.is_admin\\b|\\.owner_id\\b|\\b(credentials|creds|auth|bearer|basic)\\.(token|password|user_id)\\(\\)|\\b(current_user|auth_user|claims|session|principal|identity|caller)\\.(id|sub|user_id|role|roles|org_id|tenant_id)\\b"))
(macro_invocation
  macro: (identifier) @m (#any-of? @m "matches" "assert" "ensure")
  (token_tree) @tt
  (#match? @tt "(?-u)\\b(Role|Roles|Permission|Permissions|Privilege)::\\w+")) @risk.auth
(call_expression
  function: (field_expression) @f
  arguments: (arguments) @args
  (#match? @f "(?-u)\\.\\s*(contains|has|includes|contains_key|intersects|is_superset)$")
  (#match? @args "(?-u)\\b(Role|Roles|Permission|Permissions|Scope|Privilege)::\\w+|(?i)\"(admin|superuser|root|owner)\"")) @risk.auth

; =====================================================================================================
; iam: roles, policies, grants, RBAC, privilege changes, service accounts
; =====================================================================================================

; Functions that grant, revoke or change roles, permissions and policies.
([
  (function_item name: (identifier) @name)
  (function_signature_item name: (identifier) @name)
 ] @risk.iam
 (#match? @name "(?-u)(?i)^(grant|assign|add|revoke|remove|attach|detach|set|update|change|create|delete|put|give|promote|demote|elevate|escalate|bind|unbind|sync)_((\\w+_)?(role|roles|permission|permissions|privilege|privileges|grant|grants|acl|acls|rolebinding|role_binding|role_bindings|admin|superuser|membership)|((iam|access|bucket|role|user|group|resource|trust|inline|managed|permission|security|rbac|authz|authorization|org|scp|assume_role)_)?polic(y|ies))$|^(make|promote)_(\\w+_)?(admin|superuser|owner)$|^(assume_role|impersonate_role)$")
 (#not-match? @name "(?-u)(?i)retry|backoff|cache|evict|timeout|restart|retention|compaction|lifecycle|cors|csp|referrer|redirect|schedul|balanc|password_policy"))

; Calls that grant or change roles, policies and file permissions, including aws-sdk iam/sts.
(call_expression
  function: [
    (identifier) @fn
    (scoped_identifier name: (identifier) @fn)
  ]
  (#match? @fn "(?-u)(?i)^(grant|assign|add|revoke|remove|attach|detach|set|update|change|give|promote|demote|elevate|escalate|bind|unbind)_(\\w+_)?(role|roles|permission|permissions|privilege|privileges|grant|grants|acl|acls|rolebinding|role_binding|role_bindings|superuser|membership)$|^(make|promote)_(\\w+_)?(admin|superuser|owner)$|^(attach|detach|put|delete)_(role|user|group)_policy$|^create_(role|policy|policy_version|access_key|instance_profile|service_linked_role|service_account)$|^(delete_role|delete_policy|assume_role|assume_role_with_web_identity|assume_role_with_saml|update_assume_role_policy|add_role_to_instance_profile|remove_role_from_instance_profile|add_user_to_group|remove_user_from_group|set_iam_policy|policy_document|assume_role_policy_document|policy_arn|set_permissions|set_readonly|chmod|fchmod|fchmodat|chown|fchown|lchown|setuid|setgid|seteuid|setegid|setresuid|setresgid|setgroups|initgroups)$")
  (#not-match? @fn "(?-u)(?i)retry|backoff|cache|evict|timeout|restart|retention|compaction|lifecycle|cors|csp|referrer|redirect|schedul|balanc")) @risk.iam
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)(?i)\\.\\s*(?:(grant|assign|add|revoke|remove|attach|detach|set|update|change|give|promote|demote|elevate|escalate|bind|unbind)_(\\w+_)?(role|roles|permission|permissions|privilege|privileges|grant|grants|acl|acls|rolebinding|role_binding|role_bindings|superuser|membership)|(make|promote)_(\\w+_)?(admin|superuser|owner)|(attach|detach|put|delete)_(role|user|group)_policy|create_(role|policy|policy_version|access_key|instance_profile|service_linked_role|service_account)|(delete_role|delete_policy|assume_role|assume_role_with_web_identity|assume_role_with_saml|update_assume_role_policy|add_role_to_instance_profile|remove_role_from_instance_profile|add_user_to_group|remove_user_from_group|set_iam_policy|policy_document|assume_role_policy_document|policy_arn|set_permissions|set_readonly|chmod|fchmod|fchmodat|chown|fchown|lchown|setuid|setgid|seteuid|setegid|setresuid|setresgid|setgroups|initgroups))$")
  (#not-match? @f "(?-u)(?i)\\.\\s*\\w*(retry|backoff|cache|evict|timeout|restart|retention|compaction|lifecycle|cors|csp|referrer|redirect|schedul|balanc)\\w*$")) @risk.iam
(call_expression
  function: [(identifier) (scoped_identifier)] @fn
  (#match? @fn "(?-u)(^|::)Permissions::from_mode$|(^|::)Api::<\\s*(ClusterRole|ClusterRoleBinding|Role|RoleBinding|ServiceAccount)\\s*>::\\w+$|(^|::)(PolicyDocument|IamPolicy|PolicyStatement)::\\w+$")) @risk.iam
((call_expression
   function: (field_expression)) @risk.iam
 (#match? @risk.iam "(?-u)\\.\\s*(set_mode|mode)\\s*\\(\\s*0o[0-7]+\\s*\\)$"))

; Privilege changes written as data: `user.is_admin = true`, diesel `.set(users::role.eq(..))`.
(assignment_expression
  left: (field_expression) @l
  (#match? @l "(?-u)\\.\\s*(?:(is_admin|is_superuser|is_super_admin|is_staff|admin|superuser|role|roles|permissions|scopes|privileges|access_level))$")) @risk.iam
(call_expression
  function: (field_expression) @f
  arguments: (arguments) @args
  (#match? @f "(?-u)\\.\\s*(set)$")
  (#match? @args "(?-u)\\b(\\w+::)?(is_admin|is_superuser|is_staff|role|roles|permissions|access_level)\\s*\\.\\s*eq\\(")) @risk.iam

; Policy documents built in code: json! with Effect/Statement/Principal, policies in string literals,
; ARNs of roles and policies.
(macro_invocation
  macro: [(identifier) (scoped_identifier)] @m (#match? @m "(?-u)(^|::)json$")
  (token_tree) @tt
  (#match? @tt "(?-u)\"(Effect|Statement|Principal|NotPrincipal|NotAction)\"\\s*:")) @risk.iam
([(string_literal) (raw_string_literal)] @risk.iam
  (#match? @risk.iam "(?-u)\\\\?\"(Effect|Statement|Principal|NotPrincipal)\\\\?\"\\s*:|^b?r?#*\"arn:aws[\\w-]*:(iam|sts)::|(?im)(^|[\";])\\s*(grant\\s+\\w+|revoke\\s+\\w+|create\\s+(role|user)\\b|alter\\s+(role|user)\\b|drop\\s+(role|user)\\b)|(?i)\\bset\\s+(\\w+\\.)?(role|roles|is_admin|is_superuser|is_staff|permissions|access_level)\\s*="))

; Policy, statement and RBAC types: definitions and construction.
(struct_expression
  name: (_) @name
  (#match? @name "(?-u)^(\\w+::)*(Iam)?(PolicyDocument|PolicyStatement|IamPolicy|ClusterRoleBinding|RoleBinding|ClusterRole|RoleRef|PolicyRule|ServiceAccount|RoleAssignment|PermissionGrant)$")) @risk.iam
(struct_expression
  name: (_) @name
  body: (field_initializer_list
    (field_initializer
      field: (field_identifier) @f (#eq? @f "effect")
      value: (_) @v (#match? @v "(?-u)(?i)\\b(allow|deny)\\b")))) @risk.iam
(struct_item
  name: (type_identifier) @name
  (#match? @name "(?-u)^(Iam)?(PolicyDocument|PolicyStatement|IamPolicy|RoleBinding|RoleAssignment|PermissionGrant)$")) @risk.iam
(struct_item
  name: (type_identifier) @name
  body: (field_declaration_list) @body
  (#match? @body "(?-u)(?is)\\beffect\\b.*\\b(actions?|principals?|resources?)\\b\\s*:|\\b(actions?|principals?)\\b\\s*:.*\\beffect\\b")) @risk.iam
(enum_item
  name: (type_identifier) @name
  (#match? @name "(?-u)^(User|Admin|Account|Org|Team|Member|Group|Access|Iam|Rbac|Tenant|Project)?(Role|Permission|Privilege)s?$")) @risk.iam

; =====================================================================================================
; dns: name resolution, DNS records and zones, resolvers, TTLs, service discovery
; =====================================================================================================

; hickory / trust-dns resolver configuration and construction, record construction, route53 types.
(call_expression
  function: [
    (identifier) @fn
    (scoped_identifier) @fn
    (generic_function function: [(identifier) (scoped_identifier)] @fn)
  ]
  (#match? @fn "(?-u)(^|::)(ResolverConfig|ResolverOpts|NameServerConfig|NameServerConfigGroup|TokioAsyncResolver|AsyncResolver|TokioResolver|TokioHandle|RData|InMemoryAuthority|SqliteAuthority|FileAuthority|ResourceRecordSet|ResourceRecord|ChangeBatch|HostedZoneConfig|DnsRecord|CreateDnsRecord|UpdateDnsRecord|DeleteDnsRecord)::\\w+$|(^|::)Resolver::(from_system_conf|tokio_from_system_conf|builder_tokio|builder_with_config|builder|tokio|new)$|(^|::)Record::(from_rdata|with|update0|new_rdata)$|(^|::)(lookup_host|lookup_addr|getaddrinfo|getnameinfo|gethostbyname|lookup_ip|read_system_conf|parse_resolv_conf)$")) @risk.dns
(call_expression
  function: [(field_expression) @f (generic_function function: (field_expression) @f)]
  (#match? @f "(?-u)\\.\\s*(lookup_ip|ipv4_lookup|ipv6_lookup|txt_lookup|mx_lookup|srv_lookup|ns_lookup|soa_lookup|tlsa_lookup|caa_lookup|reverse_lookup|lookup_host|to_socket_addrs|change_resource_record_sets|create_hosted_zone|delete_hosted_zone|hosted_zone_id|resource_record_set|resource_records|set_ttl|set_rr_type|set_record_type|set_rdata|set_dns_class|add_name_server|set_name_servers|set_nameservers|create_dns_record|update_dns_record|delete_dns_record|upsert_record|dns_records)$")) @risk.dns
((call_expression
   function: (field_expression)) @risk.dns
 (#match? @risk.dns "(?-u)\\.\\s*ttl\\s*\\(\\s*\\d+\\s*\\)$"))

; Record types anywhere (constants, match arms), and code generic over `ToSocketAddrs`.
((scoped_identifier) @risk.dns
 (#match? @risk.dns "(?-u)^(\\w+::)*(RecordType|RrType)::(A|AAAA|CNAME|MX|TXT|SRV|NS|SOA|PTR|CAA|TLSA|HTTPS|SVCB|DS|DNSKEY|ANY|AXFR|NAPTR|SSHFP)$|^(\\w+::)*ChangeAction::(Upsert|Create|Delete)$|^(\\w+::)*(DNSClass|DnsClass)::\\w+$"))
([
  (type_parameter bounds: (trait_bounds [(type_identifier) (scoped_type_identifier)] @b))
  (where_predicate bounds: (trait_bounds [(type_identifier) (scoped_type_identifier)] @b))
  (parameter type: (abstract_type trait: [(type_identifier) (scoped_type_identifier)] @b))
 ] @risk.dns
 (#match? @b "(?-u)(^|::)ToSocketAddrs$"))

; Resolver option fields: `opts.ndots = 2`, `opts.timeout = ..`, `opts.attempts = 3`.
(assignment_expression
  left: (field_expression) @l
  (#match? @l "(?-u)(?i)^((\\w+\\.)*\\w*(resolv|dns)\\w*|opts|options|resolver_opts)\\s*\\.\\s*(ndots|edns0|timeout|attempts|rotate|cache_size|use_hosts_file|positive_min_ttl|positive_max_ttl|negative_min_ttl|negative_max_ttl|ip_strategy|validate|preserve_intermediates|try_tcp_on_error|num_concurrent_reqs|server_ordering_strategy|recursion_desired|nameservers|name_servers|search|domain)$")) @risk.dns

; TTLs of records and resolvers: constants, lets, struct fields and struct literal fields. A name
; that says DNS (`DNS_TTL`, `record_ttl`) is enough; a bare `ttl` counts when it holds whole seconds
; (an integer), the way DNS TTLs are written. A bare `ttl` that holds a `Duration` is a cache or
; session lifetime: configuration.
([
  (const_item name: (identifier) @name)
  (static_item name: (identifier) @name)
  (field_declaration name: (field_identifier) @name)
  (field_initializer field: (field_identifier) @name)
  (let_declaration pattern: (identifier) @name)
 ] @risk.dns
 (#match? @name "(?-u)(?i)^((dns|record|zone|rr|rrset|record_set|negative|positive|soa|a|aaaa|cname|txt|mx|srv|resolver|answer)_)+(min_|max_)?ttl(_(secs?|seconds|s))?$"))
([
  (const_item name: (identifier) @name type: (_) @t)
  (static_item name: (identifier) @name type: (_) @t)
  (field_declaration name: (field_identifier) @name type: (_) @t)
 ] @risk.dns
 (#match? @name "(?-u)(?i)^((default|min|max)_)?ttl(_(secs?|seconds|s))?$")
 (#match? @t "(?-u)^(Option<\\s*)?(u16|u32|u64|i32|i64|usize)\\s*>?$"))
([
  (field_initializer field: (field_identifier) @name value: (_) @v)
  (let_declaration pattern: (identifier) @name value: (_) @v)
 ] @risk.dns
 (#match? @name "(?-u)(?i)^((default|min|max)_)?ttl(_(secs?|seconds|s))?$")
 (#match? @v "(?-u)^(Some\\()?[0-9][0-9_]*(u32|u64|i64)?\\)?$"))
([
  (const_item name: (identifier) @name type: (_) @t)
  (static_item name: (identifier) @name type: (_) @t)
  (field_declaration name: (field_identifier) @name type: (_) @t)
 ] @risk.config
 (#match? @name "(?-u)(?i)^(\\w+_)?ttl$")
 (#match? @t "(?-u)^(Option<\\s*)?(std::time::|tokio::time::|time::|chrono::)?(Duration|TimeDelta)\\s*>?$"))
([
  (field_initializer field: (field_identifier) @name value: (_) @v)
  (let_declaration pattern: (identifier) @name value: (_) @v)
 ] @risk.config
 (#match? @name "(?-u)(?i)^(\\w+_)?ttl$")
 (#match? @v "(?-u)^(Some\\()?(std::time::|tokio::time::|time::|chrono::)?(Duration|TimeDelta)::"))

; Functions that resolve names or manage records and zones.
([
  (function_item name: (identifier) @name)
  (function_signature_item name: (identifier) @name)
 ] @risk.dns
 (#match? @name "(?-u)(?i)(^|_)(dns|nameservers?|hosted_zones?|dns_records?|srv_records?|a_records?|cname|cname_records?|ptr_records?|txt_records?|mx_records?|zone_file|ttl)(_|$)|^resolve_(host|hostname|hostnames|addr|addrs|address|addresses|domain|name|srv|service|endpoint|peer)s?$|^(lookup|reverse_lookup)_(host|hostname|ip|addr|address|domain|name|srv|txt|mx)s?$"))

; Resolver configuration files, DNS server addresses, DNS records in JSON (Cloudflare-style APIs),
; and DNS record types.
((string_literal) @risk.dns
 (#match? @risk.dns "(?-u)^\"(/etc/resolv\\.conf|/etc/hosts|/etc/nsswitch\\.conf|(\\d{1,3}\\.){3}\\d{1,3}:53|\\[[0-9a-fA-F:]+\\]:53)\"$"))
(macro_invocation
  macro: [(identifier) (scoped_identifier)] @m (#match? @m "(?-u)(^|::)json$")
  (token_tree) @tt
  (#match? @tt "(?-u)\"ttl\"\\s*:")
  (#match? @tt "(?-u)\"(type|content|record_type|rrtype|name)\"\\s*:")) @risk.dns
(struct_expression
  name: (_) @name
  (#match? @name "(?-u)(?i)dns|^(\\w+::)*(ResolverOpts|ResolverConfig|NameServerConfig|ResourceRecordSet)$")) @risk.dns
(struct_item
  name: (type_identifier) @name
  (#match? @name "(?-u)(?i)dns|^\\w*(Resolver(Config|Opts|Options)|NameServers?|DnsRecord|Zone(File|Record|Config))$")) @risk.dns

; =====================================================================================================
; config: configuration loading and defaults, feature flags, environment variables, timeouts,
; retries, limits
; =====================================================================================================

; Environment variables and .env files.
(call_expression
  function: [
    (identifier) @fn
    (scoped_identifier) @fn
    (generic_function function: [(identifier) (scoped_identifier)] @fn)
  ]
  (#match? @fn "(?-u)^(std::)?env::(var|var_os|vars|vars_os|set_var|remove_var)$|^(var|var_os)$|^(dotenvy?::)?(dotenv|dotenv_override)$|^dotenvy?::(from_filename|from_path|from_read|var|vars|from_filename_override|from_path_override)$|^envy::\\w+$|^(\\w+::)*(from_env|load_from_env|from_env_prefixed)$")
  arguments: (arguments) @args
  (#not-match? @args "(?-u)^\\(\\s*\"(CARGO_|RUSTC|OUT_DIR\"|DEP_|NUM_JOBS\"|OPT_LEVEL\"|PROFILE\")")) @risk.config
(macro_invocation
  macro: (identifier) @m (#any-of? @m "env" "option_env" "dotenv")
  (token_tree) @tt
  (#not-match? @tt "(?-u)CARGO_|OUT_DIR|RUSTC|TARGET|PROFILE|HOST")) @risk.config

; Configuration loaders: config-rs, figment, aws_config, and serde parsing into a Config type.
(call_expression
  function: [
    (identifier) @fn
    (scoped_identifier) @fn
    (generic_function function: [(identifier) (scoped_identifier)] @fn)
  ]
  (#match? @fn "(?-u)(^|::)(Config::builder|ConfigBuilder::\\w+|File::(with_name|from_str|new)|config::File::\\w+|Environment::(with_prefix|default|new|with_convert_case)|Figment::(new|from)|Toml::(file|string|file_exact)|Yaml::(file|string|file_exact)|Json::(file|string)|Env::(prefixed|raw|var|split)|Serialized::(defaults|default|globals|from)|aws_config::(load_from_env|load_defaults|defaults|from_env)|ConfigLoader::\\w+|load_config|read_config|parse_config|load_settings|read_settings)$")
  (#not-match? @fn "(?-u)^(std::)?(fs::)?File::new$|tokio::fs::File")) @risk.config
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*(add_source|add_async_source|try_deserialize|set_default|set_override|set_override_option|load_config|reload_config|try_parsing|prefix_separator|list_separator)$")
  (#match? @f "(?-u)(?i)config|settings|builder|figment")) @risk.config
(call_expression
  function: (generic_function) @g
  (#match? @g "(?-u)(?i)(^|::|\\.)\\s*(from_str|from_slice|from_reader|from_value|from_env|from_iter|extract|extract_inner|try_deserialize|deserialize)\\s*::\\s*<\\s*(\\w+::)*\\w*(config|settings|conf|cfg|configuration)\\s*>$")) @risk.config
(call_expression
  function: [(scoped_identifier) (identifier)] @fn
  (#match? @fn "(?-u)^(toml|serde_yaml|serde_yml|serde_json|json5|ron|serde_ini|basic_toml|config)::from_(str|slice|reader)$")
  arguments: (arguments) @args
  (#match? @args "(?-u)(?i)conf|settings|cfg|\\.toml|\\.ya?ml")) @risk.config
(let_declaration
  pattern: (identifier) @name
  type: (_) @t (#match? @t "(?-u)(?i)(config|settings|conf|cfg|configuration)$")
  value: (_) @v (#match? @v "(?-u)^(toml|serde_yaml|serde_yml|serde_json|json5|ron|serde_ini|basic_toml|envy)::")) @risk.config
; Reading a configuration file.
(call_expression
  function: [(identifier) (scoped_identifier)] @fn
  (#match? @fn "(?-u)(^|::)(read_to_string|read|File::open|from_path|from_file)$")
  arguments: (arguments) @args
  (#match? @args "(?-u)(?i)config|settings|\\.env\\b|\"/etc/[^\"]*\\.(toml|ya?ml|json|ini)\"")) @risk.config

; Functions that load configuration or provide defaults; `impl Default` for configuration types;
; configuration types themselves.
(function_item
  name: (identifier) @name
  (#match? @name "(?-u)(?i)^(load|read|parse|init|get|build|reload|apply|default|validate)_(\\w+_)?(config|configuration|settings|conf|cfg|env|environment|feature_flags?|flags|options)$|^from_env$|^(config|settings)_from_\\w+$")) @risk.config
; serde `#[serde(default = "default_port")]` functions: `fn default_port() -> u16 { 8080 }`.
(function_item
  name: (identifier) @name (#match? @name "(?-u)^default_\\w+$")
  body: (block (_) @e .)
  (#match? @e "(?-u)^(\\d|-\\d|\"|true$|false$|(std::time::)?Duration::|Some\\(|String::from\\(\"|NonZero\\w*::new)")) @risk.config
(impl_item
  trait: (_) @trait (#match? @trait "(?-u)(^|::)Default$")
  type: (_) @name (#match? @name "(?-u)(?i)(config|configuration|settings|options|opts|params|limits|flags)$")) @risk.config
(struct_item
  name: (type_identifier) @name
  (#match? @name "(?-u)^\\w*(Config|Configuration|Settings|FeatureFlags)$")) @risk.config

; Feature flags.
(call_expression
  function: [
    (identifier) @fn
    (scoped_identifier name: (identifier) @fn)
  ]
  (#match? @fn "(?-u)^(is_enabled|is_feature_enabled|feature_enabled|is_flag_enabled|flag_enabled|bool_variation|string_variation|json_variation|int_variation|float_variation|variation|get_flag|evaluate_flag|get_feature_flag|feature_flag|is_on|enabled_for)$")
  arguments: (arguments . [(string_literal) (reference_expression) (identifier) (scoped_identifier) (field_expression)] @first)
  (#match? @first "(?-u)^(\"|&\"|&?(\\w+::)*[A-Z][A-Z0-9_]+$|&?(Flag|Feature|Flags|Features)::)")) @risk.config
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*(?:(is_enabled|is_feature_enabled|feature_enabled|is_flag_enabled|flag_enabled|bool_variation|string_variation|json_variation|int_variation|float_variation|variation|get_flag|evaluate_flag|get_feature_flag|feature_flag|is_on|enabled_for))$")
  arguments: (arguments . [(string_literal) (reference_expression) (identifier) (scoped_identifier) (field_expression)] @first)
  (#match? @first "(?-u)^(\"|&\"|&?(\\w+::)*[A-Z][A-Z0-9_]+$|&?(Flag|Feature|Flags|Features)::)")) @risk.config
([
  (const_item name: (identifier) @name type: (_) @t)
  (static_item name: (identifier) @name type: (_) @t)
 ] @risk.config
 (#match? @name "(?-u)(?i)(^|_)(enable|enabled|disable|disabled|feature|features|flag|flags|use|allow|experimental|beta|rollout|kill_switch|dry_run|debug|verbose)(_|$)")
 (#match? @t "(?-u)^(bool|AtomicBool|(\\w+::)*AtomicBool)$"))

; Timeouts, retries, limits and defaults as constants of plain Rust types (not `c_int` flags
; from bindings, not hex bit masks).
([
  (const_item name: (identifier) @name type: (_) @t value: (_) @v)
  (static_item name: (identifier) @name type: (_) @t value: (_) @v)
 ] @risk.config
 (#match? @name "(?-u)(?i)(^|_)(timeout|timeouts|deadline|retries|retry|attempts|backoff|delay|interval|keep_?alive|idle|grace|quota|burst|concurrency|capacity|threshold|limit|limits|max|min|expiry|expiration|expires|lifetime|rate|rps|qps|pool_size|batch|batch_size|buffer_size|cooldown|jitter|workers|threads|retention|ttl|default|defaults)(_|$)|_(secs|seconds|millis|ms|days|hours|minutes)$|^(cache|session|token|key|entry|lock|lease|jwt|cookie|idle)_ttl$")
 (#match? @t "(?-u)^(Duration|std::time::Duration|u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize|f32|f64|bool|&('static )?str|Option<Duration>|NonZero\\w*|Atomic\\w+)$")
 (#not-match? @v "(?-u)^0x"))
; ...as `let` bindings to a literal or a Duration (`let timeout = Duration::from_secs(5)`), but not
; counters (`let mut retries = 0`).
(let_declaration
  pattern: (identifier) @name
  (#match? @name "(?-u)(?i)^(\\w+_)?(timeout|timeout_(ms|millis|secs?|seconds)|deadline|retries|max_retries|max_attempts|retry_(count|limit|delay|interval|policy|backoff)|backoff(_\\w+)?|rate_limit(_\\w+)?|keep_?alive(_\\w+)?|idle_timeout|grace_period(_\\w+)?|pool_size|max_connections|poll_interval|heartbeat_interval|refresh_interval|burst(_size)?|quota|concurrency(_limit)?|(cache|session|token|lock|lease)_ttl|max_body_size|body_limit|requests_per_\\w+)$")
  value: (_) @v
  (#match? @v "(?-u)^(\\d|Duration::|std::time::Duration::|time::Duration::|Some\\(|NonZero\\w*::new|(\\w+::)*NonZero)")
  (#not-match? @v "(?-u)^[01]$")) @risk.config
; ...as struct fields, struct literal fields and field assignments.
(field_declaration
  name: (field_identifier) @name
  (#match? @name "(?-u)(?i)^(\\w+_)?(timeout|timeout_(ms|millis|secs?|seconds)|retries|retry_(count|limit|attempts|delay|interval|policy|backoff)|max_(retries|attempts|retry\\w*|backoff\\w*|connections|conns|idle\\w*|lifetime|body_size|request_size|payload_size|upload_size|frame_size|header_size|message_size|concurrent\\w*|in_flight|requests\\w*|redirects|pool_size|open_files|workers|threads|batch_size|queue_size|wait\\w*|delay\\w*|elapsed_time)|min_(connections|conns|idle|pool_size|workers|threads)|backoff(_\\w+)?|rate_limit(_\\w+)?|ratelimit|requests_per_\\w+|\\w+_per_(second|sec|minute|min|hour)|pool_size|connection_limit|conn_limit|body_limit|request_limit|concurrency(_limit)?|keep_?alive(_\\w+)?|grace_period(_\\w+)?|burst(_size)?|quota|poll_interval|heartbeat_interval|refresh_interval|flush_interval|reconnect_(delay|interval|attempts)|(cache|session|token|lock|lease|jwt|cookie|idle)_ttl|max_age|worker_threads|backlog|feature_flags|features_enabled)$")) @risk.config
(field_initializer
  field: (field_identifier) @name
  (#match? @name "(?-u)(?i)^(\\w+_)?(timeout|timeout_(ms|millis|secs?|seconds)|retries|retry_(count|limit|attempts|delay|interval|policy|backoff)|max_(retries|attempts|retry\\w*|backoff\\w*|connections|conns|idle\\w*|lifetime|body_size|request_size|payload_size|upload_size|frame_size|header_size|message_size|concurrent\\w*|in_flight|requests\\w*|redirects|pool_size|open_files|workers|threads|batch_size|queue_size|wait\\w*|delay\\w*|elapsed_time)|min_(connections|conns|idle|pool_size|workers|threads)|backoff(_\\w+)?|rate_limit(_\\w+)?|ratelimit|requests_per_\\w+|\\w+_per_(second|sec|minute|min|hour)|pool_size|connection_limit|conn_limit|body_limit|request_limit|concurrency(_limit)?|keep_?alive(_\\w+)?|grace_period(_\\w+)?|burst(_size)?|quota|poll_interval|heartbeat_interval|refresh_interval|flush_interval|reconnect_(delay|interval|attempts)|(cache|session|token|lock|lease|jwt|cookie|idle)_ttl|max_age|worker_threads|backlog)$")
  value: (_) @v
  (#match? @v "(?-u)^(\\d|Duration::|std::time::Duration::|time::Duration::|Some\\(|None$|NonZero\\w*::new|(\\w+::)*NonZero|u\\d+::MAX|usize::MAX|true|false|env::|std::env::)")) @risk.config
(assignment_expression
  left: (field_expression) @l
  (#match? @l "(?-u)(?i)\\.\\s*(\\w+_)?(timeout|timeout_(ms|millis|secs?|seconds)|retries|retry_(count|limit|attempts|delay|interval|policy|backoff)|max_(retries|attempts|connections|conns|idle\\w*|lifetime|body_size|request_size|payload_size|concurrent\\w*|in_flight|requests\\w*|redirects|pool_size|workers|threads)|min_(connections|conns|idle)|backoff(_\\w+)?|rate_limit(_\\w+)?|requests_per_\\w+|pool_size|body_limit|concurrency(_limit)?|keep_?alive(_\\w+)?|grace_period(_\\w+)?|burst(_size)?|quota|poll_interval|(cache|session|token|lock|lease|jwt|cookie|idle)_ttl)$")
  right: (_) @v
  (#match? @v "(?-u)^(\\d|Duration::|std::time::Duration::|time::Duration::|Some\\(|None$|NonZero\\w*::new|(\\w+::)*NonZero|u\\d+::MAX|usize::MAX)")
  (#not-match? @v "(?-u)^0$")) @risk.config

; Timeout, retry, pool and rate-limit settings on builders: reqwest, hyper, sqlx, bb8, tonic, actix,
; tower, tokio runtime, backoff crates.
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*(?:(with_|set_)?((\\w+_)?timeout|keep_?alive(_\\w+)?|tcp_keepalive(_\\w+)?|http2_keep_alive_\\w+|http1_keep_alive|max_(connections|conns|idle|idle_per_host|lifetime|size|retries|attempts|frame_size|request_body_size|body_size|concurrent_streams|concurrent_reset_streams|blocking_threads|connection_rate|redirects|pending_requests|in_flight|elapsed_time|interval|delay|header_list_size)|min_(connections|idle|delay)|pool_(max_idle_per_host|idle_timeout|max_size)|retry|retries|retry_policy|backoff|concurrency_limit|rate_limit|load_shed|per_second|per_millisecond|per_minute|burst_size|body_limit|workers|worker_threads|backlog|initial_interval|initial_delay|multiplier|randomization_factor|factor|max_elapsed|redirect|client_request_timeout|client_disconnect_timeout|shutdown_timeout|keep_alive_timeout))$")) @risk.config
(call_expression
  function: [
    (identifier) @fn
    (scoped_identifier) @fn
    (generic_function function: [(identifier) (scoped_identifier)] @fn)
  ]
  (#match? @fn "(?-u)(^|::)(TimeoutLayer|RateLimitLayer|ConcurrencyLimitLayer|GlobalConcurrencyLimitLayer|GovernorLayer|GovernorConfigBuilder|GovernorConfig|Quota|RateLimiter|DefaultBodyLimit|RequestBodyLimitLayer|ExponentialBackoff|ExponentialBackoffBuilder|ExponentialBuilder|ConstantBuilder|FibonacciBuilder|FixedInterval|FibonacciBackoff|RetryTransientMiddleware|RetryLayer|LoadShedLayer|ServiceBuilder::rate_limit|Retry)::(new|default|builder|spawn|max|disable|per_second|per_minute|per_hour|with_period|direct|keyed|from_millis|new_with_policy|with_max_retries)$|^(tokio::time::|time::)?timeout$")) @risk.config

; =====================================================================================================
; crypto: TLS settings, certificate verification, ciphers, signing, randomness for security
; =====================================================================================================

(call_expression
  function: [
    (identifier) @fn
    (scoped_identifier) @fn
    (generic_function function: [(identifier) (scoped_identifier)] @fn)
  ]
  (#match? @fn "(?-u)(^|::)((ClientConfig|ServerConfig)::builder\\w*|(ClientConfig|ServerConfig)::new|RootCertStore::\\w+|WebPkiClientVerifier::\\w+|WebPkiServerVerifier::\\w+|AllowAnyAuthenticatedClient::new|AllowAnyAnonymousOrAuthenticatedClient::new|NoClientAuth::\\w+|TlsConnector::(builder|new|from)|TlsAcceptor::(builder|new|from)|SslConnector::\\w+|SslAcceptor::\\w+|SslContext::\\w+|SslMethod::\\w+|SslVerifyMode::\\w+|(ServerCertVerified|ClientCertVerified|HandshakeSignatureValid)::assertion|PrivateKey|PrivateKeyDer::\\w+|Private(Pkcs8|Pkcs1|Sec1)KeyDer::\\w+|CertificateDer::\\w+|Certificate::from_\\w+|Identity::from_\\w+|X509::from_\\w+|PKey::\\w+|Rsa::(generate|private_key_from_pem\\w*|private_key_from_der)|EcKey::\\w+|SigningKey::\\w+|VerifyingKey::\\w+|EncodingKey::\\w+|DecodingKey::\\w+|Rsa(Private|Public)Key::\\w+|Ed25519KeyPair::\\w+|EcdsaKeyPair::\\w+|RsaKeyPair::\\w+|KeyPair::\\w+|Keypair::\\w+|SecretKey::\\w+|StaticSecret::\\w+|EphemeralSecret::\\w+|Hmac(::<[^>]*>)?::\\w+|Key(::<[^>]*>)::\\w+|Key::(generate|derive|from_master|try_generate)|Aes(128|192|256)(Gcm|GcmSiv|Siv)?(::<[^>]*>)?::\\w+|X?ChaCha20Poly1305::\\w+|Nonce(::<[^>]*>)?::\\w+|UnboundKey::\\w+|LessSafeKey::\\w+|SealingKey::\\w+|OpeningKey::\\w+|hmac::Key::new|SystemRandom::new|Argon2::\\w+|SaltString::\\w+|PasswordHash::\\w+|Pbkdf2::\\w+|Scrypt::\\w+|pbkdf2_hmac\\w*|pbkdf2::pbkdf2\\w*|scrypt::scrypt|bcrypt::hash\\w*|hash_password|hash_with_salt|rustls_pemfile::\\w+|pemfile::\\w+|load_private_key|load_certs|load_certificates|load_keys|(ring|aws_lc_rs)::default_provider|CryptoProvider::\\w+|getrandom::\\w+|OsRng::\\w+|subtle::\\w+|constant_time_eq\\w*|ConstantTimeEq::ct_eq|digest::\\w+::verify)$")) @risk.crypto
(call_expression
  function: [(field_expression) @f (generic_function function: (field_expression) @f)]
  (#match? @f "(?-u)\\.\\s*(?:(with_no_client_auth|with_client_auth_cert|with_single_cert|with_single_cert_with_ocsp\\w*|with_cert_resolver|with_root_certificates|with_native_roots|with_webpki_roots|with_platform_verifier|with_webpki_verifier|dangerous|set_certificate_verifier|with_custom_certificate_verifier|with_client_cert_verifier|with_safe_defaults|with_safe_default_protocol_versions|with_protocol_versions|with_cipher_suites|with_safe_default_cipher_suites|with_kx_groups|danger_accept_invalid_certs|danger_accept_invalid_hostnames|min_protocol_version|max_protocol_version|min_tls_version|max_tls_version|use_sni|disable_built_in_roots|tls_built_in_root_certs|tls_built_in_webpki_certs|tls_built_in_native_certs|add_root_certificate|use_rustls_tls|use_native_tls|use_preconfigured_tls|tls_sni|https_only|identity|set_verify|set_verify_callback|set_cipher_list|set_ciphersuites|set_min_proto_version|set_max_proto_version|set_private_key|set_private_key_file|set_certificate|set_certificate_file|set_certificate_chain_file|set_ca_file|install_default|hash_password|hash_password_into|sign|try_sign|sign_prehashed|sign_with_key|sign_digest|encrypt|decrypt|encrypt_in_place|decrypt_in_place|seal_in_place_append_tag|seal_in_place_separate_tag|open_in_place|new_from_slice|ct_eq|verify_slice|verify_truncated_left|add_parsable_certificates|add_trust_anchors|with_tls_config|rustls_config|tls_config|with_tls|add_server_trust_anchors|accept_invalid_certs|accept_invalid_hostnames|set_danger_accept_invalid_certs))$")) @risk.crypto
; Signature and MAC verification on keys: `verifying_key.verify(msg, &sig)`.
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)(?i)(key|keypair|key_pair|verifier|mac|hmac|cipher|cert|pubkey|public_key|signer)s?(\\(\\))?\\s*\\.\\s*(verify|verify_strict|verify_prehashed|verify_digest)$")) @risk.crypto
; Custom certificate verifiers and certificate resolvers.
(impl_item
  trait: (_) @name
  (#match? @name "(?-u)(^|::)(ServerCertVerifier|ClientCertVerifier|ResolvesServerCert|ResolvesClientCert|ProducesTickets|KeyLog|StoresClientSessions)(<.*>)?$")) @risk.crypto
; Functions that hash passwords, handle keys and certificates, or generate secrets.
([
  (function_item name: (identifier) @name)
  (function_signature_item name: (identifier) @name)
 ] @risk.crypto
 (#match? @name "(?-u)(?i)^(hash|rehash)_(\\w+_)?(password|passwd|passphrase|secret|token|api_key)s?$|^(load|read|parse|generate|gen|create|new|make|random|derive|rotate)_(\\w+_)?(private_key|signing_key|encryption_key|secret_key|keypair|key_pair|certs?|certificates?|tls_config|tls|rustls_config|nonce|salt|iv|secret|secrets|api_key|token|session_token|otp|csrf_token|key_material|hmac_key|aes_key|master_key)s?$|(^|_)(encrypt|decrypt|encryption|decryption|signature|signatures|tls_config|cipher|hmac|keypair|key_pair)(_|$)|^sign$|_sign$|^sign_(message|payload|request|data|bytes|token|jwt|release|artifact|digest|hash|blob|manifest|url|cookie|body|challenge)s?$"))
; A secret, token, key, nonce or salt generated from a random number generator.
(let_declaration
  pattern: (identifier) @name
  (#match? @name "(?-u)(?i)(^|_)(token|tokens|secret|nonce|salt|password|passwd|otp|csrf|iv|session_id|sid|api_key|secret_key|private_key|signing_key|encryption_key|master_key|hmac_key|aes_key|jwt_secret|passphrase|code_verifier|verifier|challenge|reset_code|verification_code|invite_code|key_bytes)($|_)")
  value: (_) @v
  (#match? @v "(?-u)thread_rng|rand::rng\\(|rand::random|\\brandom::<|\\brandom\\(\\)|OsRng|\\.r?#?gen(::<[^>]*>)?\\(|gen_range|sample_iter|sample_string|fill_bytes|Alphanumeric|getrandom|SystemRandom|Uuid::new_v4|StdRng|ChaCha\\d*Rng|SmallRng|fastrand")) @risk.crypto
(let_declaration
  pattern: (identifier) @name
  (#match? @name "(?-u)(?i)^(\\w+_)?keys?$")
  value: (_) @v
  (#match? @v "(?-u)OsRng|SystemRandom|getrandom|random::<\\[u8|gen::<\\[u8|fill_bytes|::generate\\(|generate_key")) @risk.crypto
; Calls that take the operating-system RNG: `SaltString::generate(&mut OsRng)`.
((call_expression) @risk.crypto
 (#match? @risk.crypto "(?-u)&\\s*mut\\s+(\\w+::)*(OsRng|SystemRandom)\\b[^()]*\\)$"))
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)^(\\w+::)*OsRng\\s*\\.\\s*\\w+$")) @risk.crypto

; =====================================================================================================
; secrets: credentials, API keys, secret loading and storage, hard-coded secrets
; =====================================================================================================

; A string literal bound to a name that says it is a credential.
([
  (let_declaration pattern: (identifier) @name value: (_) @v)
  (const_item name: (identifier) @name value: (_) @v)
  (static_item name: (identifier) @name value: (_) @v)
  (field_initializer field: (field_identifier) @name value: (_) @v)
  (assignment_expression left: [(identifier) @name (field_expression field: (field_identifier) @name)] right: (_) @v)
 ] @risk.secrets
 (#match? @name "(?-u)(?i)^(\\w+_)?(password|passwd|pwd|passphrase|secret|secret_key|secret_access_key|client_secret|api_?key|apikey|access_?key(_id)?|private_?key|auth_?token|access_?token|refresh_?token|bearer_?token|api_?token|bot_?token|token|credentials?|creds|signing_?key|encryption_?key|master_?key|hmac_?key|jwt_?secret|webhook_?secret|session_?secret|cookie_?secret|app_?secret|db_pass|pass)$")
 (#match? @v "(?-u)^(Some\\(|[A-Za-z_][A-Za-z0-9_:<>]*::(from|new)\\(|Box::new\\()*&?b?r?#*\"[^\"]")
 (#not-match? @v "(?-u)^(Some\\(|[A-Za-z_][A-Za-z0-9_:<>]*::(from|new)\\(|Box::new\\()*&?b?r?#*\"([A-Z][A-Z0-9_]{2,}|<[^\"]*>|\\$\\{[^\"]*\\}|\\{[^\"]*\\}|[*x.]+|(Bearer|Basic|Token) ?)\"#*[^\"]*$"))
; A credential passed as a literal to a builder: `.password("hunter2")`, `.api_key("sk_live_..")`.
((call_expression
   function: (field_expression) @f) @risk.secrets
 (#match? @f "(?-u)\\.\\s*(?:(with_|set_)?(password|passwd|api_key|apikey|token|auth_token|access_token|bearer_token|secret|client_secret|secret_key|access_key|access_key_id|secret_access_key|credentials|private_key|signing_key))$")
 (#match? @risk.secrets "(?-u)\\(\\s*(Some\\(\\s*)?&?b?r?#*\"[^\"]+\"#*(\\s*\\.\\s*\\w+\\(\\))?\\s*\\)?\\s*\\)$"))
; A credential-wrapping constructor given a literal: `EncodingKey::from_secret(b"..")`, `Credentials::new("AKIA..", ..)`.
(call_expression
  function: [(identifier) (scoped_identifier)] @fn
  (#match? @fn "(?-u)(^|::)(EncodingKey|DecodingKey|Key|HmacKey|Secret|SecretString|SecretBox|ClientSecret|ApiKey|Password|AccessToken|BearerToken)::\\w+$|(^|::)Hmac(::<[^>]*>)?::new_from_slice$")
  arguments: (arguments) @args
  (#match? @args "(?-u)^\\(\\s*(Some\\()?&?b?r?#*\"[^\"]|^\\(\\s*\"[^\"]+\"\\s*\\.\\s*(as_bytes|to_string|into|to_owned)\\(\\)")) @risk.secrets
(call_expression
  function: [(identifier) (scoped_identifier)] @fn
  (#match? @fn "(?-u)(^|::)(Credentials|StaticCredentials|StaticProvider|BasicAuthCredentials)::(new|from_keys|from)$")) @risk.secrets

; Literals that look like credentials: AWS keys, PEM private keys, GitHub/Stripe/Slack/Google/OpenAI
; tokens, JWTs, URLs with a password in them.
([(string_literal) (raw_string_literal)] @risk.secrets
 (#match? @risk.secrets "(?-u)\\b(AKIA|ASIA)[0-9A-Z]{16}\\b|-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----|\\bgh[pousr]_[A-Za-z0-9]{36}\\b|\\bgithub_pat_[A-Za-z0-9_]{22,}|\\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}|\\bxox[abprs]-[0-9A-Za-z-]{10,}|\\bAIza[0-9A-Za-z_-]{35}\\b|\\bsk-(proj-|ant-)?[A-Za-z0-9_-]{20,}|\\bglpat-[0-9A-Za-z_-]{20}|\\bnpm_[A-Za-z0-9]{36}\\b|\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}|[a-z][a-z0-9+.-]*://[^/\\s:@\"{}]*:[^/\\s@\"{}$]+@|^b?\"(Basic|Bearer|Token) [A-Za-z0-9+/=._~-]{12,}\""))

; Secret loading: secrecy, cloud secret stores, Vault, secret files, credentials sent upstream.
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*(secret|secret_value|reveal|expose|unsecure)$")
  (#match? @f "(?-u)(?i)token|secret|password|passwd|credential|api_?key|private_key")) @risk.secrets
(call_expression
  function: [(field_expression) @f (generic_function function: (field_expression) @f)]
  (#match? @f "(?-u)\\.\\s*(?:(expose_secret|expose_secret_mut|get_secret_value|batch_get_secret_value|secret_string|secret_binary|with_decryption|create_secret|put_secret_value|update_secret|rotate_secret|delete_secret|restore_secret|access_secret_version|get_secret|read_secret|fetch_secret|load_secret|bearer_auth|basic_auth|credentials_provider|set_credentials|with_credentials|create_access_key))$")) @risk.secrets
(call_expression
  function: [(identifier) (scoped_identifier)] @fn
  (#match? @fn "(?-u)(^|::)((secrecy::)?(Secret|SecretString|SecretBox|SecretVec|SecretSlice)::\\w+|kv[12]::(read|set|delete|list)\\w*|get_secret|read_secret|load_secret|fetch_secret|load_secrets)$")) @risk.secrets
(call_expression
  function: [(identifier) (scoped_identifier)] @fn
  (#match? @fn "(?-u)(^|::)(read_to_string|read|File::open|read_to_end|from_path|from_file|open)$")
  arguments: (arguments) @args
  (#match? @args "(?-u)(?i)secret|credential|passw|token|privkey|private|key\\w*\\.pem\\b|\\.key\\b|id_rsa|id_ed25519|id_ecdsa|\\.p12\\b|\\.pfx\\b|\\.jks\\b|keystore|\\.netrc|\\.pgpass|\\.aws/|key_path|key_file|keyfile")) @risk.secrets
; A secret from the environment: `env::var("API_KEY")`.
(call_expression
  function: [(identifier) (scoped_identifier)] @fn
  (#match? @fn "(?-u)^(std::)?env::(var|var_os)$|^(var|var_os)$|^dotenvy?::var$")
  arguments: (arguments) @args
  (#match? @args "(?-u)(?i)password|passwd|secret|token|api_?key|private_key|credential|access_key|client_secret|_key\"|signing_key|_pass\"|_pwd\"")) @risk.secrets
; Credentials sent in request headers.
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*(header|insert|append|set_header|insert_header|typed_insert)$")
  arguments: (arguments . (_) @h)
  (#match? @h "(?-u)(?i)^&?((\\w+::)*(?-i:AUTHORIZATION|PROXY_AUTHORIZATION)|\"(authorization|proxy-authorization|x-api-key|api-key|x-auth-token|x-access-token|private-token)\")$")) @risk.secrets
; Struct fields that hold secrets.
(field_declaration
  name: (field_identifier) @name
  type: (_) @t
  (#match? @t "(?-u)^(\\w+::)*(Secret|SecretString|SecretBox|SecretVec|SecretSlice|Zeroizing|Sensitive)\\b")) @risk.secrets

; =====================================================================================================
; network: listeners, ports, bind addresses, firewalls and security groups, CORS, proxies, routing
; =====================================================================================================

(call_expression
  function: [
    (identifier) @fn
    (scoped_identifier) @fn
    (generic_function function: [(identifier) (scoped_identifier)] @fn)
  ]
  (#match? @fn "(?-u)(^|::)((TcpListener|UdpSocket|UnixListener|UnixDatagram|TcpSocket)::(bind|from_std|bind_\\w+|new_v4|new_v6)|(Server|HttpServer)::(bind|try_bind|from_tcp|bind_incoming)|(axum|warp|hyper)::serve|SocketAddr::(from|new)|SocketAddr(V4|V6)::new|(CorsLayer|Cors|AllowOrigin|AllowMethods|AllowHeaders|CorsOptions|CorsMiddleware)::\\w+|warp::cors|Proxy::(all|http|https|custom|system)|web::(scope|resource)|serve_connection|ServeDir::new|ServeFile::new|IpNet::from_str)$")) @risk.network
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*(?:(bind_rustls\\w*|bind_openssl|bind_uds|bind_auto_h2c|listen_rustls\\w*|listen_openssl|allow_origin|allow_any_origin|allowed_origin|allowed_origin_fn|allow_credentials|supports_credentials|allow_any_header|allow_any_method|allow_methods|allow_headers|allowed_methods|allowed_headers|allow_private_network|expose_headers|expose_any_header|send_wildcard|proxy|no_proxy|serve_connection|serve_connection_with_upgrades|authorize_security_group_ingress|authorize_security_group_egress|revoke_security_group_ingress|revoke_security_group_egress|create_security_group|cidr_ip|cidr_ipv6|from_port|to_port|ip_permissions|set_reuse_address|set_reuse_port|set_only_v6|local_address))$")) @risk.network
; `.bind(addr)` / `.listen(addr)` / `.serve(addr)` / `.run(addr)` with an address, but not sqlx's
; `query(..).bind(value)`.
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*(bind|listen|serve|serve_with_shutdown|run|bind_with|try_bind|incoming)$")
  (#not-match? @f "(?-u)(?i)query|stmt|statement|^q\\s*\\.|sqlx|migrat")
  arguments: (arguments . (_) @a)
  (#match? @a "(?-u)(?i)addr|address|\\bhost|port|socket|listen|\\bbind|0\\.0\\.0\\.0|127\\.0\\.0\\.1|localhost|\\[::\\]|\"::\"|\\d+\\.\\d+\\.\\d+\\.\\d+|:\\d{2,5}\"|^\\(\\s*\\[\\s*\\d|^\\(\\s*\"")) @risk.network
; Generic parse into a socket address: `"127.0.0.1:8080".parse::<SocketAddr>()`.
(call_expression
  function: (generic_function) @g
  (#match? @g "(?-u)\\.\\s*parse\\s*::\\s*<\\s*(std::net::)?(SocketAddr|SocketAddrV4|SocketAddrV6|IpAddr|Ipv4Addr|Ipv6Addr)\\s*>$")) @risk.network
(let_declaration
  pattern: (identifier) @name
  type: (_) @t (#match? @t "(?-u)^(std::net::)?(SocketAddr|SocketAddrV4|SocketAddrV6)$")) @risk.network
; Unspecified (all-interfaces) addresses and CORS headers.
(call_expression
  function: [(identifier) (scoped_identifier)] @fn (#match? @fn "(?-u)(^|::)(IpAddr|Ipv4Addr|Ipv6Addr)::from$")
  arguments: (arguments) @args (#match? @args "(?-u)^\\(\\s*\\[\\s*0\\s*(,\\s*0\\s*){3,15}\\]\\s*\\)$")) @risk.network
(scoped_identifier
  path: (_) @p (#match? @p "(?-u)(^|::)(Ipv4Addr|Ipv6Addr)$")
  name: (identifier) @n (#eq? @n "UNSPECIFIED")) @risk.network
(scoped_identifier
  name: (identifier) @n (#match? @n "(?-u)^ACCESS_CONTROL_ALLOW_(ORIGIN|CREDENTIALS|METHODS|HEADERS)$")) @risk.network
(call_expression
  function: [(identifier) (scoped_identifier)] @fn (#match? @fn "(?-u)(^|::)Ipv4Addr::new$")
  arguments: (arguments) @args (#match? @args "(?-u)^\\(\\s*0\\s*,\\s*0\\s*,\\s*0\\s*,\\s*0\\s*\\)$")) @risk.network
((string_literal) @risk.network
 (#match? @risk.network "(?-u)^\"(0\\.0\\.0\\.0(:\\d+|/0)?|\\[::\\](:\\d+)?|::/0|(?i)access-control-allow-(origin|credentials|methods|headers))\"$"))
; Ports and listen addresses as constants, lets and fields.
([
  (const_item name: (identifier) @name type: (_) @t value: (_) @v (#match? @t "(?-u)^(Option<\\s*)?u16\\s*>?$"))
  (static_item name: (identifier) @name type: (_) @t value: (_) @v (#match? @t "(?-u)^(Option<\\s*)?u16\\s*>?$"))
  (let_declaration pattern: (identifier) @name value: (_) @v)
  (field_initializer field: (field_identifier) @name value: (_) @v)
 ] @risk.network
 (#match? @name "(?-u)(?i)^(\\w+_)?port$")
 (#match? @v "(?-u)^(Some\\()?[1-9][0-9_]{1,5}(_?u16)?\\)?$"))
([
  (const_item name: (identifier) @name value: (_) @v)
  (static_item name: (identifier) @name value: (_) @v)
  (let_declaration pattern: (identifier) @name value: (_) @v)
  (field_initializer field: (field_identifier) @name value: (_) @v)
 ] @risk.network
 (#match? @name "(?-u)(?i)^(\\w+_)?(addr|address|host|bind|listen|bind_addr|listen_addr|bind_address|listen_address|socket_addr|server_addr)$")
 (#match? @v "(?-u)^(Some\\()?\"(\\d{1,3}\\.){3}\\d{1,3}(:\\d+)?\"|^(Some\\()?\"\\[[0-9a-fA-F:]*\\](:\\d+)?\"|^(Some\\()?\"(localhost)?:\\d+\"|^(Some\\()?\"localhost\""))
(field_declaration
  name: (field_identifier) @name
  type: (_) @t
  (#match? @name "(?-u)(?i)^(\\w+_)?port$|^(bind|listen)(_(addr|address|host|port))?$")
  (#match? @t "(?-u)^(Option<\\s*)?(u16|SocketAddr|IpAddr|String|std::net::SocketAddr)>?$")) @risk.network
; Routes: every `.route("/path", ..)` exposes an endpoint.
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*(route|nest|nest_service|route_service|fallback|fallback_service|service|resource)$")
  arguments: (arguments . [(string_literal) (call_expression)] @a)
  (#match? @a "(?-u)^\"/|^((\\w+::)*web::)?(scope|resource)\\(\"")) @risk.network

; =====================================================================================================
; data: destructive or schema-changing data operations: DELETE, DROP, TRUNCATE, migrations,
; recursive deletes
; =====================================================================================================

(call_expression
  function: [
    (identifier) @fn
    (scoped_identifier) @fn
    (generic_function function: [(identifier) (scoped_identifier)] @fn)
  ]
  (#match? @fn "(?-u)(^|::)(remove_dir_all|remove_file|remove_dir|diesel::delete|diesel::drop_table|drop_database|drop_table|Migrator::(up|down|fresh|reset|refresh|new|run|status|install)|(Table|Index|Schema)::(drop|truncate|alter|rename)|MigrationHarness::\\w+|migrations::runner|run_migrations|run_pending_migrations|delete_many|delete_by_id|remove_all|delete_all|purge_all|wipe_all|truncate_all)$")) @risk.data
(call_expression
  function: [(field_expression) @f (generic_function function: (field_expression) @f)]
  (#match? @f "(?-u)\\.\\s*(?:(run_pending_migrations|revert_last_migration|revert_all_migrations|run_next_migration|run_migrations|drop_table|drop_index|drop_column|drop_foreign_key|truncate_table|alter_table|rename_table|rename_column|create_table|create_index|create_type|alter_type|create_foreign_key|drop_enum|drop_database|drop_collection|drop_type|drop_schema|delete_many|delete_one|find_one_and_delete|delete_by_id|delete_all|remove_all|flushall|flushdb|flush_all|flush_db|purge_all|wipe_all|truncate_all|delete_object|delete_objects|delete_bucket|delete_table|delete_item|delete_db_instance|delete_db_cluster|delete_snapshot|delete_volume|delete_file_system|delete_backup|empty_bucket|execute_unprepared))$")) @risk.data
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*(drop)$")
  (#match? @f "(?-u)(?i)coll|table|database|\\bdb\\b|schema|bucket|keyspace|topic|index")) @risk.data
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*(run|undo|run_direct|up|down|fresh|reset|refresh|apply|migrate)$")
  (#match? @f "(?-u)(?i)migrat")) @risk.data
(macro_invocation
  macro: [(identifier) (scoped_identifier)] @m
  (#match? @m "(?-u)(^|::)(migrate|embed_migrations)$")) @risk.data
(impl_item
  trait: (_) @trait (#match? @trait "(?-u)(^|::)(MigrationTrait|Migration|MigratorTrait)$")
  type: (_) @name) @risk.data
([
  (function_item name: (identifier) @name)
  (function_signature_item name: (identifier) @name)
 ] @risk.data
 (#match? @name "(?-u)(?i)^((run|apply|revert|undo|perform|execute|do|rollback)_)?migrat(e|ions?)$|^(run|apply|revert|undo|rollback)_\\w*migrations?$|^migrate_\\w+$|^(drop|truncate)_(table|tables|database|schema|all|collection)s?$|^(wipe|nuke|reset)_(db|database|data|all|tables|schema|storage)$|^(delete|purge|remove)_all(_\\w+)?$|^(hard_delete|purge)_\\w+$"))

; SQL that drops, deletes, truncates or changes the schema, in any string literal (sqlx::query!,
; format!, raw strings). Lowercase SQL counts when it starts a line or follows a `;`.
([(string_literal) (raw_string_literal)] @risk.data
 (#match? @risk.data "(?-u)(?im)(^|\"|;)\\s*(drop\\s+(table|database|schema|index|view|column|constraint|type|trigger|function|extension|sequence|materialized\\s+view|collection)\\b|delete\\s+from\\s|truncate(\\s+table)?\\s+[\\w\"`]|alter\\s+(table|database|schema|index|type|sequence|view)\\s|create\\s+(unique\\s+)?(table|index|schema|database|type|view|materialized\\s+view|extension|trigger|sequence)\\b|rename\\s+table\\s|flushall\\b|flushdb\\b|with\\s[\\s\\S]*\\bdelete\\s+from\\s)|(?-i:\\b(DROP (TABLE|DATABASE|SCHEMA|INDEX|COLUMN|VIEW)|DELETE FROM|TRUNCATE TABLE|ALTER TABLE)\\b)|\\brm\\s+-[a-zA-Z]*[rR][a-zA-Z]*\\b"))
; UPDATE without WHERE rewrites every row.
([(string_literal) (raw_string_literal)] @risk.data
 (#match? @risk.data "(?-u)(?im)(^|\"|;)\\s*update\\s+[\\w.\"`]+\\s+set\\s")
 (#not-match? @risk.data "(?-u)(?i)\\bwhere\\b"))

; =====================================================================================================
; deploy: CI/CD, infrastructure as code, containers, rollouts, scaling, process execution
; =====================================================================================================

; Process execution: std/tokio/async-process Command. A bare `Command::new` counts when its
; program is not a clap-style app name: a non-literal program, a known tool, a path, or a builder
; chain that goes on with `.arg("..")`, `.output()`, `.spawn()`, ...
(call_expression
  function: [(identifier) (scoped_identifier)] @fn
  (#match? @fn "(?-u)(^|::)process::Command::new$|^(async_process|smol::process|std::process|tokio::process)::Command::new$")) @risk.deploy
(call_expression
  function: (scoped_identifier) @fn (#match? @fn "(?-u)^Command::new$")
  arguments: (arguments . (_) @prog .)
  (#not-match? @prog "(?-u)^(env!|crate_name!|clap::|[A-Z][A-Z0-9_]*$)")
  (#match? @prog "(?-u)^[^\"]|^\"(sh|bash|zsh|fish|dash|cmd|cmd\\.exe|powershell|powershell\\.exe|pwsh|kubectl|helm|kustomize|docker|docker-compose|podman|buildah|nerdctl|terraform|tofu|pulumi|ansible|ansible-playbook|aws|gcloud|gsutil|az|eksctl|git|ssh|scp|rsync|systemctl|service|sudo|su|doas|rm|mv|cp|chmod|chown|kill|pkill|killall|make|cargo|rustc|npm|npx|yarn|pnpm|pip|pip3|python|python3|node|deno|bun|curl|wget|nginx|psql|mysql|pg_dump|pg_restore|mongosh|mongo|redis-cli|openssl|crontab|launchctl|iptables|ip6tables|nft|ufw|firewall-cmd|mount|umount|dd|tar|unzip|ssh-keygen|gpg|sqlite3|java|go|ruby|perl|php|flyctl|fly|vercel|heroku|wrangler|nomad|consul|vault|packer|vagrant|skaffold|argocd|flux|minikube|kind|k3d|gh|jq|sed|awk|xargs|env|nohup|setsid|chroot|useradd|usermod|groupadd|passwd|shutdown|reboot)\"|^\"[^\"]*(/|\\\\)[^\"]*\"|^\"[^\"]*\\.(sh|exe|bat|cmd|ps1|py)\"")) @risk.deploy
((call_expression
   function: (field_expression) @f) @risk.deploy
 (#match? @f "(?-u)^Command::new\\s*\\([\\s\\S]*\\)\\s*\\.\\s*(arg|args|env|envs|env_clear|env_remove|current_dir|spawn|output|status|stdin|stdout|stderr|kill_on_drop|uid|gid|process_group|exec|pre_exec|creation_flags)$")
 (#not-match? @risk.deploy "(?-u)\\(\\s*(Arg::|arg!|clap::|&?\\[\\s*Arg::)"))
; Builder calls on a variable that holds a command: `cmd.arg("--force")`, `command.spawn()`.
((call_expression
   function: (field_expression) @f) @risk.deploy
 (#match? @f "(?-u)(?i)^((\\w+_)?cmd|(\\w+_)?command|proc|process)\\s*\\.\\s*(arg|args|env|envs|env_clear|env_remove|current_dir|spawn|output|status|uid|gid|exec|pre_exec|kill_on_drop)$")
 (#not-match? @risk.deploy "(?-u)\\(\\s*(Arg::|arg!|clap::|&?\\[\\s*Arg::)"))
; Programs that change privileges or file modes are IAM changes too.
(call_expression
  function: (scoped_identifier) @fn (#match? @fn "(?-u)(^|::)Command::new$")
  arguments: (arguments . (string_literal) @prog)
  (#match? @prog "(?-u)^\"(chmod|chown|chgrp|setfacl|usermod|useradd|userdel|groupadd|gpasswd|passwd|sudo|doas|su|visudo|setcap)\"$")) @risk.iam
; exec and friends.
((call_expression
   function: (field_expression)) @risk.deploy
 (#match? @risk.deploy "(?-u)\\.\\s*exec\\s*\\(\\s*\\)$"))
(call_expression
  function: [(identifier) (scoped_identifier)] @fn
  (#match? @fn "(?-u)(^|::)(unistd::)?(execv|execve|execvp|execvpe|execl|execle|execlp|fexecve|fork|vfork|daemon)$|(^|::)(libc::)?(system|posix_spawn|posix_spawnp)$|(^|::)duct::cmd$")) @risk.deploy
(macro_invocation
  macro: [(identifier) (scoped_identifier)] @m
  (#match? @m "(?-u)(^|::)(cmd|run_cmd|run_fun|spawn|spawn_with_output|cmd_lib::\\w+)$")
  (#not-match? @m "(?-u)^spawn$")) @risk.deploy

; Kubernetes: patching, scaling, deleting and creating resources; workload specs; replicas.
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*(patch|replace|create|delete|delete_collection|patch_status|replace_status|patch_subresource|create_subresource|patch_scale|replace_scale|evict|restart)$")
  arguments: (arguments) @args
  (#match? @args "(?-u)(Patch|Delete|Post|Evict)Params|Patch::")) @risk.deploy
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*(patch_scale|replace_scale|rollout_restart|scale_deployment|scale_service|drain_node|cordon_node|uncordon_node)$")) @risk.deploy
(call_expression
  function: [(identifier) (scoped_identifier)] @fn
  (#match? @fn "(?-u)(^|::)Patch::(Apply|Merge|Json|Strategic)$")) @risk.deploy
(struct_expression
  name: (_) @name
  (#match? @name "(?-u)^(\\w+::)*(Deployment|DeploymentSpec|StatefulSet|StatefulSetSpec|DaemonSet|DaemonSetSpec|ReplicaSet|ReplicaSetSpec|PodSpec|PodTemplateSpec|JobSpec|CronJob|CronJobSpec|HorizontalPodAutoscaler|HorizontalPodAutoscalerSpec|ServiceSpec|IngressSpec|ScaleSpec|ContainerConfig|CreateContainerOptions|HostConfig|BuildImageOptions|TaskDefinition|ContainerDefinition)$")) @risk.deploy
(field_initializer
  field: (field_identifier) @name (#any-of? @name "replicas" "min_replicas" "max_replicas" "desired_count" "desired_capacity")) @risk.deploy
(field_initializer
  field: (field_identifier) @name (#eq? @name "image")
  value: (_) @v (#match? @v "(?-u)\"[a-z0-9.\\-/]+(:[\\w.\\-]+|@sha256:[0-9a-f]+)\"")) @risk.deploy
(macro_invocation
  macro: [(identifier) (scoped_identifier)] @m (#match? @m "(?-u)(^|::)json$")
  (token_tree) @tt
  (#match? @tt "(?-u)\"(replicas|image|imagePullPolicy|containers)\"\\s*:")) @risk.deploy

; Containers and cloud deployments: bollard (Docker), ECS, Lambda, autoscaling, CloudFormation,
; CodeDeploy.
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*(?:((create|start|stop|remove|kill|restart|pause|unpause|update)_container|(build|push|pull|remove|tag|import)_image|create_image|(create|update|delete|remove)_service|register_task_definition|deregister_task_definition|run_task|stop_task|update_function_code|update_function_configuration|publish_version|update_alias|create_alias|set_desired_capacity|update_auto_scaling_group|create_auto_scaling_group|(create|update|delete)_stack|execute_change_set|create_change_set|create_deployment|stop_deployment|continue_deployment|terminate_instances|run_instances|reboot_instances|stop_instances|start_instances|scale_service|set_replicas|rollout|deploy|redeploy|promote_canary|rollback_deployment|rollback_release))$")) @risk.deploy

; Functions that deploy, roll out, roll back or scale.
([
  (function_item name: (identifier) @name)
  (function_signature_item name: (identifier) @name)
 ] @risk.deploy
 (#match? @name "(?-u)(?i)^(deploy|redeploy|rollout|roll_out|canary|provision|terraform|helm|kubectl)(_|$)|^(rollback|roll_back)_(deployment|deploy|release|service|rollout|version|canary)s?$|_(deploy|deploys|deployment|deployments|redeploy|rollout|canary)$|^(scale|scale_(up|down|out|in|to))_(\\w+_)?(deployment|service|replicas|workers|cluster|statefulset|pods?|nodes?|fleet|capacity)s?$|^(set|update)_replicas$|^restart_(service|deployment|pods?|workload)s?$|^(drain|cordon)_nodes?$"))

; =====================================================================================================
; memory: memory-safety escapes: unsafe, FFI, raw pointers
; =====================================================================================================

(unsafe_block "unsafe") @risk.memory
(function_item (function_modifiers "unsafe") name: (identifier) @name) @risk.memory
(function_signature_item (function_modifiers "unsafe") name: (identifier) @name) @risk.memory
(function_item (function_modifiers (extern_modifier)) name: (identifier) @name) @risk.memory
(impl_item "unsafe" type: (_) @name) @risk.memory
(trait_item "unsafe" name: (type_identifier) @name) @risk.memory
(foreign_mod_item) @risk.memory
(static_item (mutable_specifier) name: (identifier) @name) @risk.memory
(attribute_item
  (attribute [(identifier) (scoped_identifier)] @a
    (#match? @a "(?-u)^(no_mangle|export_name|link_section|unsafe|naked)$"))) @risk.memory
; Raw-pointer and layout escapes, even when the enclosing `unsafe` is far away.
(call_expression
  function: [
    (identifier) @fn
    (scoped_identifier) @fn
    (generic_function function: [(identifier) (scoped_identifier)] @fn)
  ]
  (#match? @fn "(?-u)(^|::)(transmute|transmute_copy|from_raw_parts|from_raw_parts_mut|from_utf8_unchecked|from_utf8_unchecked_mut|\\w+_unchecked)$|(^|::)mem::(zeroed|uninitialized)$|^(zeroed|uninitialized)$|(^|::)(Box|Arc|Rc|CString|String|Vec)::(from_raw|from_raw_parts|into_raw|leak)$|(^|::)ptr::(read|write|read_unaligned|write_unaligned|read_volatile|write_volatile|copy|copy_nonoverlapping|swap|replace|drop_in_place|write_bytes)$|(^|::)(alloc|dealloc|realloc|alloc_zeroed)$|(^|::)NonNull::new_unchecked$")) @risk.memory
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*(?:(assume_init|assume_init_mut|assume_init_ref|assume_init_read|assume_init_drop|get_unchecked|get_unchecked_mut|unwrap_unchecked|set_len|into_raw|into_raw_parts|read_volatile|write_volatile|as_ref_unchecked|unchecked_\\w+|\\w+_unchecked))$")) @risk.memory
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)(?i)(^|[._])(ptr|raw|p)\\s*\\.\\s*(add|sub|offset|byte_add|read|write)$")) @risk.memory
(field_declaration
  name: (field_identifier) @name
  type: (pointer_type)) @risk.memory

; =====================================================================================================
; Inside macros. tree-sitter-rust does not parse macro arguments (`vec![..]`, `assert!(..)`,
; `tokio::select! {..}`) as expressions: they are token trees, and none of the structural patterns
; above can see into them. These few patterns match the riskiest shapes in the text of a macro's
; token tree instead and capture the whole macro invocation. `json!` is handled above.
; =====================================================================================================

(macro_invocation
  macro: (_) @m (#not-match? @m "(?-u)(^|::)json$")
  (token_tree) @tt
  (#match? @tt "(?-u)\\beffect\\s*:\\s*(Effect::(Allow|Deny)|\"(Allow|Deny)\")|\\b(PolicyDocument|PolicyStatement|ClusterRoleBinding|RoleBinding)\\s*\\{")) @risk.iam
(macro_invocation
  (token_tree) @tt
  (#match? @tt "(?-u)\\b(verify_token|verify_password|verify_jwt|decode_jwt|is_admin|has_permission|has_role|require_role|check_permission|authenticate|authorize)\\s*\\(")) @risk.auth
(macro_invocation
  (token_tree) @tt
  (#match? @tt "(?-u)\\bdanger_accept_invalid_(certs|hostnames)\\b|\\.dangerous\\(\\)|\\bwith_no_client_auth\\b")) @risk.crypto
(macro_invocation
  (token_tree) @tt
  (#match? @tt "(?-u)\\b(std::|tokio::)?process::Command::new\\b|\\bCommand::new\\s*\\(\\s*\"(sh|bash|kubectl|helm|docker|terraform|git|ssh|sudo|rm)\"")) @risk.deploy
(macro_invocation
  (token_tree) @tt
  (#match? @tt "(?-u)\\b(remove_dir_all|remove_file)\\s*\\(")) @risk.data
(macro_invocation
  (token_tree) @tt
  (#match? @tt "(?-u)\\bunsafe\\s*\\{|\\btransmute\\b")) @risk.memory


; Endpoints a service calls, as constants: `const BASE_URL: &str = "https://..";`.
((const_item name: (identifier) @name value: (string_literal) @v) @risk.config
 (#match? @name "(?-u)^[A-Z][A-Z0-9_]*(URL|URI|ENDPOINT|BASE|HOST|ADDR|ADDRESS|SERVER|API)$")
 (#match? @v "(?-u)^\"(https?|grpcs?|wss?|amqps?|redis|rediss|postgres|postgresql|mysql|mongodb(\\+srv)?|nats|kafka)://"))

; =====================================================================================================
; Tests are not high-impact: no hotspot is reported inside them.
; =====================================================================================================
((mod_item name: (identifier) @_n) @ignore (#eq? @_n "tests"))
((attribute_item) @_a . (mod_item) @ignore (#match? @_a "^#\\[cfg\\(test\\)\\]$"))
((attribute_item) @_a . (function_item) @ignore (#match? @_a "^#\\[(?:[A-Za-z_]+::)?test\\]$"))
