; Risk queries for Go. Capture names say the category: @risk.<category>; @name names the hotspot.
;
; Conventions used below:
; - Calls are matched on the text of their callee, the `selector_expression` `pkg.Func` or
;   `x.y.Method`, with anchored regexes: "^(jwt|jose)\\.\\w+$" for a package function (the usual
;   import name, so `jwt.Parse` is auth while a lexer's `p.Parse` is not), "\\.\\s*(CreateRole)$"
;   for a method on any receiver. Where a method name alone is ambiguous (`Delete`, `Run`,
;   `Listen`, `Get`) the receiver, the arguments or the call that produced the receiver say what
;   it is. One merged call pattern per category keeps the query quick to compile: each
;   `call_expression` pattern costs about half a millisecond at start-up, whatever its predicates.
; - Arguments are checked on the text of the whole call, with a regex anchored at its end
;   (`[(,]\\s*"Authorization"\\s*\\)$`), not with an `arguments:` step; selector fields likewise
;   on the selector's text (`\\.\\s*InsecureSkipVerify$`). A step after the receiver keeps a state
;   alive through the whole receiver, which is quadratic on long method chains: a chain of 400
;   calls took 1.5 s that way and takes 10 ms this way. End-anchored regexes run backwards from
;   the end, so they cost the length of the match, not of the call.
; - Go names are camelCase: a word inside a name is matched as `Word` followed by anything but a
;   lowercase letter (`requireAuth`, `AuthMiddleware`, `JWTAuth`, but not `Author`), or as `word`
;   at the start of the name.
; - Every regex starts with `(?-u)`: ASCII classes compile several times faster than Unicode ones.
;   Backslashes are doubled because these are query strings.
; - The captured node is what a reviewer must look at: the function for a definition, the call for
;   a call, the composite literal for a configuration struct, the keyed element for one setting,
;   the `const`/`var` spec for a value, the string literal for SQL or a policy. A method call in a
;   multi-line chain starts where its receiver starts.

; =====================================================================================================
; auth: authentication, sessions, tokens, passwords, permission checks, access-control decisions
; =====================================================================================================

; Functions and methods that verify tokens, passwords or sessions, check permissions, log people
; in and out, or are auth middleware. Lexer-style names (`NextToken`, `PeekToken`, `newToken`) and
; input validation (`ValidateEmail`) do not match.
([
  (function_declaration name: (identifier) @name)
  (method_declaration name: (field_identifier) @name)
  (method_elem name: (field_identifier) @name)
 ] @risk.auth
 (#match? @name "(?-u)(?i:^(verify|validate|authenticate|decode|introspect|issue|mint|sign|refresh|revoke|invalidate|rotate|parse|extract|blacklist|blocklist)\\w*(jwt|jwts|accesstoken|refreshtoken|authtoken|bearertoken|idtoken|apitoken|sessiontoken)s?$|^(verify|validate|authenticate|introspect|revoke|invalidate|blacklist|blocklist)(\\w*_)?tokens?$|^(generate|gen|issue|mint|create|new|sign)(access|refresh|auth|bearer|id|api|session|jwt|csrf|reset|invite|verification)tokens?$)|(JWT|Jwt|JWKS|Jwks|Bearer|OAuth2?|Oauth2?|OIDC|Oidc|SAML|Saml|SSO|Sso|MFA|Mfa|TOTP|Totp|OTP|Otp|TwoFactor|2FA|WebAuthn|Webauthn|Passkey|CSRF|Csrf|XSRF|Xsrf)([^a-z]|$)|^(jwt|jwks|bearer|oauth2?|oidc|saml|sso|mfa|totp|otp|twoFactor|webauthn|passkey|csrf|xsrf)([^a-z]|$)|(Auth|Authn|Authz|Authenticat(e|ed|es|ion|or)|Authori[sz](e|ed|es|ation|er)|Unauthori[sz]ed|Unauthenticated)([^a-z]|$)|^(auth|authn|authz|authenticat(e|ed|es|ion|or)|authori[sz](e|ed|es|ation|er)|unauthori[sz]ed|unauthenticated)([^a-z]|$)|(Login|LogIn|Logout|LogOut|SignIn|SignOut|SignUp|Signup|Impersonate|Reauthenticate)([^a-z]|$)|^(login|logIn|logout|logOut|signIn|signOut|signUp|signup|impersonate|reauthenticate)([^a-z]|$)|(?i:^(verify|validate|check|compare|reset|change|update|set|confirm|rehash)\\w*(password|passwd|passphrase|credentials?)s?$|^(password|credentials?)(matches|valid|isvalid|verify|check)$|^(create|start|begin|establish|destroy|end|invalidate|revoke|renew|regenerate|cycle|expire|purge|terminate|clear|validate|verify|check|require)\\w*(session|sessions|sessionid)$|^(has|check|require|ensure|enforce|verify|authori[sz]e|can)\\w*(permission|permissions|role|roles|access|scope|scopes|privilege|privileges|admin|owner|ownership|membership|capability|capabilities|acl|policy)$|^is(admin|superuser|superadmin|staff|owner|authenticated|authori[sz]ed|loggedin|signedin|permitted)$|^(can|may)(access|manage|administer|edit|delete|modify|view|impersonate)\\w*$|^(verify|validate|authenticate)\\w*(apikey|webhook|webhooksignature|claims|credentials?|identity|origin|user)s?$|^require(login|user|admin|role|roles|permission|permissions|scope|scopes)$|(admin|acl|rbac|permission|role|roles|apikey|session)(guard|middleware|interceptor)$)"))

; A bare `func Verify(token string)` / `func Check(password string)`: the parameters say what it checks.
([
  (function_declaration
    name: (identifier) @name
    parameters: (parameter_list (parameter_declaration name: (identifier) @p)))
  (method_declaration
    name: (field_identifier) @name
    parameters: (parameter_list (parameter_declaration name: (identifier) @p)))
 ] @risk.auth
 (#match? @name "(?-u)^(?i:verify|validate|check|authenticate|authorize|decode|login|parse)$")
 (#match? @p "(?-u)(?i)^(\\w*_)?(token|tokenstring|tokenstr|rawtoken|jwt|password|passwd|credentials?|creds|bearer|apikey|sessionid|claims)$"))

; Middleware: an `http.Handler` / gin / echo / fiber / gRPC wrapper whose body deals with
; credentials, sessions or 401/403 answers.
([
  (function_declaration name: (identifier) @name result: (_) @r body: (block) @b)
  (method_declaration name: (field_identifier) @name result: (_) @r body: (block) @b)
 ] @risk.auth
 (#match? @r "(?-u)^(http\\.Handler|http\\.HandlerFunc|func\\s*\\(\\s*(next\\s+)?http\\.Handler\\s*\\)\\s*http\\.Handler|gin\\.HandlerFunc|echo\\.MiddlewareFunc|echo\\.HandlerFunc|fiber\\.Handler|mux\\.MiddlewareFunc|grpc\\.UnaryServerInterceptor|grpc\\.StreamServerInterceptor|negroni\\.HandlerFunc|iris\\.Handler|macaron\\.Handler)$")
 (#match? @b "(?-u)(?i)authorization|bearer|\\bjwt\\.|x-api-key|basicauth|\\bsession|\\bclaims\\b|unauthori[sz]ed|StatusForbidden|codes\\.Unauthenticated|codes\\.PermissionDenied|\\.Enforce\\(|\\bisadmin\\b|\\.roles?\\b"))

; Calls: JWT, OIDC, OAuth2, PASETO, casbin and session libraries; token signing and parsing;
; verifiers; session stores; and functions that decide access (`VerifyToken(..)`,
; `s.hasPermission(..)`, `auth.RequireRole(..)`).
(call_expression
  function: [(identifier) (selector_expression)] @fn
  (#match? @fn "(?-u)^(jwt|jwtgo|jwtv4|jwtv5|gojwt|jose|jws|jwe|jwk|jwa|oidc|oauth2|paseto|sessions|scs|securecookie|casbin|jwtauth|echojwt|jwtware|basicauth|keyfunc|csrf|nosurf|totp|hotp|otp|webauthn|auth|authn|authz|grpc_auth|grpcauth|goth|gothic)\\.\\w+$|(?i:conf|config|cfg|oauth\\w*|oauth2config|provider)\\.\\s*Exchange$|\\.\\s*(SignedString|ParseWithClaims|ParseUnverified|Verifier|VerifyIDToken|IDTokenVerifier|AuthCodeURL|PasswordCredentialsToken|Enforce|EnforceWithMatcher|EnforceEx|BasicAuth|CompareHashAndPassword|RenewToken|BasicAuthForRealm)$|(?i:(verifier|jwt|jwks|token|tokens|tokenservice|authenticator|authorizer|auth|authsvc|authservice|enforcer|idp|oidc))\\.\\s*(Verify|Validate|Authenticate|Authorize)$|(?i:(^|\\.)(session|sessions|sess|sessionmanager|sessionstore|cookiestore|scsmanager))\\.\\s*(Get|New|Save|Put|Pop|PopString|GetString|GetInt|GetBool|Remove|Destroy|RenewToken|Clear|Delete|Set|Flashes|AddFlash)$|(^|\\.)(?i:(verify|validate|authenticate|introspect|revoke|invalidate)\\w*(token|tokens|jwt)|(verify|validate|check|compare|confirm)\\w*(password|passwd|passphrase|credentials?)s?|(has|check|require|ensure|enforce|authori[sz]e|can)\\w*(permission|permissions|role|roles|scope|scopes|privilege|privileges|acl|policy)|(has|check|require|ensure|verify)access|(require|ensure)(auth|authn|authentication|login|user|admin)|is(admin|superuser|superadmin|authenticated|authori[sz]ed|loggedin|signedin|permitted)|authenticate|authori[sz]e|login|logout|signin|signout|impersonate|reauthenticate|(verify|validate)(apikey|webhook|webhooksignature|claims|credentials|identity|session|sessionid))$")) @risk.auth
; Claims, OAuth2 and OIDC configurations, session options built as structs.
(composite_literal
  type: [(qualified_type) (generic_type)] @t
  (#match? @t "(?-u)^(jwt|jwtgo|jwtv4|jwtv5|gojwt|oauth2|clientcredentials|oidc|sessions|jwtauth|echojwt|jwtware|webauthn)\\.")) @risk.auth
; The keyfunc handed to `jwt.Parse`: where a token's signing method and key are chosen.
(func_literal
  parameters: (parameter_list
    (parameter_declaration
      type: (pointer_type (qualified_type) @t)))
  (#match? @t "(?-u)^(jwt|jwtgo|jwtv4|jwtv5|gojwt)\\.Token$")) @risk.auth
; Claims taken out of a parsed token: `token.Claims.(jwt.MapClaims)`, `if !token.Valid`.
(type_assertion_expression
  type: [(qualified_type) (pointer_type)] @t
  (#match? @t "(?-u)^\\*?(jwt|jwtgo|jwtv4|jwtv5|gojwt|oidc)\\.")) @risk.auth
((selector_expression) @risk.auth
 (#match? @risk.auth "(?-u)(^|\\.)(?i:token|tok|jwt|jwttoken|parsed|parsedtoken|idtoken)\\.\\s*Valid$"))
; Session data written: `session.Values["user_id"] = id`.
(assignment_statement
  left: (expression_list (index_expression operand: (selector_expression) @s))
  (#match? @s "(?-u)(?i:sess)\\w*\\.Values$")) @risk.auth

; Credentials read from a request: the Authorization header, API-key headers, session cookies,
; `Bearer ` prefixes stripped off, a session store asked for the request's session
; (`store.Get(r, "session-name")`).
((call_expression function: (selector_expression) @fn) @risk.auth
 (#match? @fn "(?-u)\\.\\s*(Get|New|GetHeader|Values|Peek|Header|Cookie|FormValue|Query|Param|QueryParam)$|^strings\\.(TrimPrefix|HasPrefix|CutPrefix|SplitN|EqualFold|Cut)$")
 (#match? @risk.auth "(?-u)\\.\\s*(?:Get|New)\\s*\\(\\s*(r|req|request|httpReq|c\\.Request|ctx\\.Request\\(\\))\\s*,\\s*\"[^\"]*\"\\s*\\)$|(?i)[(,]\\s*(\"(authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|x-access-token|x-csrf-token|x-xsrf-token|access_token|api_key|session|session_id|sessionid|sid|jwt|token|auth_token|_csrf|(bearer|basic|token|digest)\\s?)\"|(echo|fiber|fasthttp|headers|http)\\.headerauthorization)\\s*\\)$"))
(index_expression
  index: (interpreted_string_literal) @k
  (#match? @k "(?-u)(?i)^\"(authorization|proxy-authorization|x-api-key|api-key|x-auth-token|x-access-token)\"$")) @risk.auth

; Session and auth cookies.
(composite_literal
  type: (qualified_type) @t
  body: (literal_value) @body
  (#eq? @t "http.Cookie")
  (#match? @body "(?-u)(?i)name:\\s*\"[^\"]*(sess|sid|auth|token|jwt|login|remember|identity|csrf|xsrf)|HttpOnly:|SameSite:|Secure:")) @risk.auth

; Role, ownership and permission decisions written inline (`user.Role == "admin"`,
; `claims.Subject != id`), secrets compared with `==`, `if !u.IsAdmin`,
; `slices.Contains(user.Roles, "admin")`.
(binary_expression
  left: [(identifier) (selector_expression)] @l
  operator: ["==" "!="]
  right: (_) @r
  (#match? @l "(?-u)\\.(Role|Roles|UserRole|IsAdmin|IsSuperuser|IsSuperUser|IsStaff|Admin|Permission|Permissions|Scope|Scopes|Privilege|Privileges|AccessLevel|OwnerID|OwnerId|TenantID|TenantId|OrgID|OrgId)$|(?i:claims|token|tok|jwt|principal|identity|auth\\w*)\\.(Subject|Sub|Audience|Issuer)$|(?i)(^|\\.)(\\w*password|passwd|apikey|api_key|\\w*secret|(access|auth|bearer|session|api|expected|provided|csrf|xsrf|refresh|reset)token|token)$")
  (#not-match? @r "(?-u)^(nil|\"[^\"]{0,3}\"|'.'|'\\\\.'|0|len\\(.*\\))$")) @risk.auth
((selector_expression) @risk.auth
 (#match? @risk.auth "(?-u)\\.\\s*(IsAdmin|IsSuperuser|IsSuperUser|IsSuperAdmin|IsStaff|IsAuthenticated|IsAuthorized|IsLoggedIn|IsOwner)$"))
((call_expression function: (selector_expression) @fn) @risk.auth
 (#match? @fn "(?-u)\\.\\s*(Contains|ContainsFunc|Index)$")
 (#match? @risk.auth "(?-u)\\.\\s*(?:Contains|ContainsFunc|Index)\\s*\\(\\s*[\\w.]+\\.(Roles|Scopes|Permissions|Groups|Privileges)\\s*,"))

; =====================================================================================================
; iam: roles, policies, grants, RBAC, privilege changes, service accounts
; =====================================================================================================

; Functions that grant, revoke or change roles, permissions and policies.
([
  (function_declaration name: (identifier) @name)
  (method_declaration name: (field_identifier) @name)
  (method_elem name: (field_identifier) @name)
 ] @risk.iam
 (#match? @name "(?-u)(?i)^(grant|assign|add|revoke|remove|attach|detach|set|update|change|create|delete|put|give|promote|demote|elevate|escalate|bind|unbind|sync)\\w*(role|roles|permission|permissions|privilege|privileges|grant|grants|acl|acls|rolebinding|rolebindings|admin|superuser|membership|polic(y|ies))$|^(make|promote)\\w*(admin|superuser|owner)$|^(assumerole|impersonaterole)$")
 (#not-match? @name "(?-u)(?i)retry|backoff|cache|evict|timeout|restart|retention|compaction|lifecycle|cors|csp|referrer|redirect|schedul|balanc|passwordpolicy|password_policy"))

; Calls: AWS IAM and STS, GCP IAM and Resource Manager policies, storage IAM handles, Azure role
; assignments, Kubernetes RBAC through client-go, file modes and process identity.
(call_expression
  function: (selector_expression) @fn
  (#match? @fn "(?-u)\\.\\s*(CreateRole|DeleteRole|UpdateRole|UpdateAssumeRolePolicy|(Attach|Detach|Put|Delete)(Role|User|Group)Policy|CreatePolicy|CreatePolicyVersion|DeletePolicy|SetDefaultPolicyVersion|Put(Role|User)PermissionsBoundary|CreateUser|DeleteUser|AddUserToGroup|RemoveUserFromGroup|CreateGroup|CreateServiceLinkedRole|CreateInstanceProfile|(Add|Remove)Role(To|From)InstanceProfile|CreateAccessKey|UpdateAccessKey|CreateLoginProfile|UpdateLoginProfile|AssumeRole|AssumeRoleWithWebIdentity|AssumeRoleWithSAML|GetFederationToken|SetIamPolicy|SetIAMPolicy|TestIamPermissions|CreateServiceAccount|DeleteServiceAccount|CreateServiceAccountKey|SignBlob|GenerateAccessToken|AddIamPolicyBinding|RoleAssignments|CreateRoleAssignment|NewRoleAssignmentsClient|NewRoleDefinitionsClient|RbacV1|RbacV1beta1|RbacV1alpha1|ServiceAccounts|ClusterRoles|ClusterRoleBindings|RoleBindings|IAM|Chmod|Chown)$|^(iam|sts|stscreds|iamcredentials|armauthorization|rbacv1|adminpb|iampb|iamadmin)\\.\\w+$|^(os|syscall|unix)\\.(Lchmod|Fchmod|Fchmodat|Lchown|Fchown|Fchownat|Setuid|Setgid|Seteuid|Setegid|Setreuid|Setregid|Setresuid|Setresgid|Setgroups|Umask)$|(?i:(iam|policy|handle|bucket\\w*))\\.\\s*SetPolicy$")) @risk.iam
; Programs that change privileges or file modes, run from Go: `exec.Command("chmod", "-R", "777", dir)`.
((call_expression function: (selector_expression) @fn) @risk.iam
 (#match? @fn "(?-u)^(exec|execabs)\\.(Command|CommandContext)$")
 (#match? @risk.iam "(?-u)^\\w+\\.\\w+\\s*\\((\\s*\\w+\\s*,)?\\s*\"(\\S*/)?(chmod|chown|chgrp|setfacl|setcap|usermod|useradd|userdel|groupadd|gpasswd|passwd|chpasswd|sudo|doas|su|visudo)\""))
; Files or directories created world-writable (`0777`, `0666`, `os.ModePerm`) or setuid.
((call_expression function: (selector_expression) @fn) @risk.iam
 (#match? @fn "(?-u)\\.\\s*(WriteFile|MkdirAll|Mkdir|OpenFile)$")
 (#match? @risk.iam "(?-u),\\s*((0o?|0O)?[0-7]?[0-7][0-7][2367]|(0o?|0O)?[4267][0-7]{3}|(os|fs)\\.ModePerm|(os|fs)\\.FileMode\\((0o?)?[0-7]?[0-7][0-7][2367]\\))\\s*\\)$"))
; gorm `Update("role", "admin")`.
((call_expression function: (selector_expression) @fn) @risk.iam
 (#match? @fn "(?-u)\\.\\s*(Update|UpdateColumn|Set)$")
 (#match? @risk.iam "(?-u)\\.\\s*(?:Update|UpdateColumn|Set)\\s*\\(\\s*\"(role|roles|is_admin|is_superuser|is_staff|admin|permissions|access_level|privileges)\"\\s*,(?:[^()]|\\((?:[^()]|\\([^()]*\\))*\\))*\\)$"))

; Policy and RBAC objects built in code: IAM/STS/RBAC SDK structs, a struct or map literal with
; `Effect: "Allow"` or `"Version": "2012-10-17"`, policy and role types.
(composite_literal
  type: [(qualified_type) (generic_type) (slice_type)] @t
  (#match? @t "(?-u)^(\\[\\]\\*?)?(iam|iamtypes|sts|ststypes|rbacv1|rbacv1beta1|armauthorization|iampb|adminpb|iamadmin)\\.")) @risk.iam
; (The braces are captured: a statement in a slice literal has no type of its own.)
(literal_value
  (keyed_element
    key: (literal_element [(identifier) (interpreted_string_literal)] @k)
    value: (literal_element [(interpreted_string_literal) (raw_string_literal)] @v))
  (#match? @k "(?-u)^\"?(Effect|Version)\"?$")
  (#match? @v "(?-u)^.(Allow|Deny|2012-10-17|2008-10-17).$")) @risk.iam
(type_spec
  name: (type_identifier) @name
  (#match? @name "(?-u)^(Iam|IAM)?(PolicyDocument|PolicyStatement|StatementEntry|IamPolicy|IAMPolicy|RoleBinding|RoleAssignment|PermissionGrant)$")) @risk.iam
(type_spec
  name: (type_identifier) @name
  type: (_) @t
  (#match? @name "(?-u)^(User|Admin|Account|Org|Team|Member|Group|Access|Iam|IAM|Rbac|RBAC|Tenant|Project)?(Role|Permission|Privilege)s?$")
  (#match? @t "(?-u)^(string|int|int8|int16|int32|int64|uint|uint8|uint16|uint32|uint64|struct\\s*\\{[\\s\\S]*\\})$")) @risk.iam
; Policies, role ARNs and SQL grants in string literals.
([(interpreted_string_literal) (raw_string_literal)] @risk.iam
 (#match? @risk.iam "(?-u)\\\\?\"Effect\\\\?\"\\s*:\\s*\\\\?\"(Allow|Deny)\\b|\\\\?\"Statement\\\\?\"\\s*:\\s*[\\[{]|\\\\?\"(Not)?Principal\\\\?\"\\s*:\\s*(\\{\\s*\\\\?\"(AWS|Service|Federated|CanonicalUser)|\\\\?\"\\*)|\\\\?\"(Not)?Action\\\\?\"\\s*:\\s*\\[?\\s*\\\\?\"[a-z0-9-]+:[\\w*]|^[\"`]arn:aws[\\w-]*:(iam|sts)::|(?im)(^|[\"`;])\\s*(grant\\s+\\w+|revoke\\s+\\w+|create\\s+(role|user)\\b|alter\\s+(role|user)\\b|drop\\s+(role|user)\\b)|(?i)\\bset\\s+(\\w+\\.)?(role|roles|is_admin|is_superuser|is_staff|permissions|access_level)\\s*="))

; Privilege changes written as data: `user.Role = "admin"`, `u.IsAdmin = true`, privileged containers.
(assignment_statement
  left: (expression_list (selector_expression) @l)
  (#match? @l "(?-u)\\.(Role|Roles|IsAdmin|IsSuperuser|IsSuperUser|IsSuperAdmin|IsStaff|Admin|Superuser|Permissions|Privileges|AccessLevel)$")) @risk.iam
(keyed_element
  key: (literal_element (identifier) @k)
  value: (literal_element [(true) (call_expression)] @v)
  (#any-of? @k "Privileged" "AllowPrivilegeEscalation")
  (#match? @v "(?-u)^(true|\\w+\\.Bool\\(true\\)|\\w*[bB]oolPtr\\(true\\)|ptr\\.To\\(true\\))$")) @risk.iam

; =====================================================================================================
; dns: name resolution, DNS records and zones, resolvers, TTLs, service discovery
; =====================================================================================================

; Calls: net lookups (`net.LookupHost`, a `net.Resolver`'s methods), miekg/dns and any package
; named dns, Route53, Cloud DNS, Cloudflare and other record APIs, Consul service discovery.
(call_expression
  function: (selector_expression) @fn
  (#match? @fn "(?-u)\\.\\s*(LookupHost|LookupIP|LookupIPAddr|LookupNetIP|LookupAddr|LookupCNAME|LookupMX|LookupNS|LookupSRV|LookupTXT|LookupPort|SetQuestion|SetReply|SetEdns0|SetUpdate|RemoveRRset|SetAxfr|SetIxfr|SetNotify|ChangeResourceRecordSets|ListResourceRecordSets|CreateHostedZone|DeleteHostedZone|GetHostedZone|ListHostedZones\\w*|AssociateVPCWithHostedZone|(Create|Update|Delete|List|Get)DNSRecords?|(Create|Update|Delete)DnsRecords?|(Create|Update|Delete)(RecordSet|Zone|ManagedZone|ResourceRecordSet)|ServiceRegister|ServiceDeregister)$|^(dns|route53|route53types|clouddns|dnsv1|armdns|armprivatedns|dnsimple|dnsprovider)\\.\\w+$|(Health|Catalog)\\(\\)\\s*\\.\\s*(Service|Services|Node|Nodes|Connect)$|\\.\\s*(ResourceRecordSets|ManagedZones)$")) @risk.dns
((call_expression function: (selector_expression) @fn) @risk.dns
 (#match? @fn "(?-u)\\.\\s*(Exchange|ExchangeContext|ExchangeWithConn)$")
 (#match? @risk.dns "(?-u)\\.\\s*(?:Exchange|ExchangeContext|ExchangeWithConn)\\s*\\((?:[^()]|\\([^()]*\\))*(\\bdns\\.|:53\"|\\bm\\b|\\bmsg\\b|\\bquery\\b|\\breq\\b)(?:[^()]|\\([^()]*\\))*\\)$")
 (#not-match? @risk.dns "(?-u)(?i)oauth|\\bcode\\s*\\)$|\\bsql\\b"))
(call_expression
  function: (identifier) @fn
  arguments: (argument_list (qualified_type) @t)
  (#eq? @fn "new")
  (#match? @t "(?-u)^dns\\.")) @risk.dns
; Resolvers, messages, records, record sets and changes built as structs.
(composite_literal
  type: [(qualified_type) (type_identifier) (generic_type)] @t
  (#match? @t "(?-u)^(net\\.Resolver|(dns|route53|route53types|clouddns|dnsv1|armdns|armprivatedns)\\.\\w+|(\\w+\\.)?(ResourceRecordSet|ResourceRecord|ChangeBatch|ChangeResourceRecordSetsInput|CreateHostedZoneInput|HostedZoneConfig|AliasTarget|DNSRecord|DnsRecord|CreateDNSRecordParams|UpdateDNSRecordParams|ListDNSRecordsParams|DNSRecordParams|RecordSet|ManagedZone|ResolverConfig|NameServer))$")) @risk.dns
; The default resolver, record types and change actions: `types.RRTypeCname`, `dns.TypeA`,
; `types.ChangeActionUpsert`.
((selector_expression) @risk.dns
 (#match? @risk.dns "(?-u)\\.\\s*(DefaultResolver|RRType(A|Aaaa|AAAA|Cname|CNAME|Mx|MX|Txt|TXT|Srv|SRV|Ns|NS|Soa|SOA|Ptr|PTR|Caa|CAA)|ChangeAction(Upsert|Create|Delete)|Type(A|AAAA|CNAME|MX|TXT|SRV|NS|SOA|PTR|CAA|ANY|AXFR|IXFR)|Class(INET|ANY|NONE))$"))

; TTLs: a name that says DNS, or a bare `TTL` holding whole seconds (an integer). A bare `TTL`
; holding a `time.Duration` is a cache or session lifetime: configuration.
([
  (const_spec name: (identifier) @name)
  (var_spec name: (identifier) @name)
  (field_declaration name: (field_identifier) @name)
  (keyed_element key: (literal_element (identifier) @name))
 ] @risk.dns
 (#match? @name "(?-u)(?i)^(dns|record|zone|rr|rrset|recordset|negative|positive|soa|resolver|answer|cname|txt|srv)_?(min|max)?_?ttl(_?(secs?|seconds|s))?$"))
([
  (const_spec name: (identifier) @name value: (expression_list . (_) @v .))
  (var_spec name: (identifier) @name value: (expression_list . (_) @v .))
  (keyed_element key: (literal_element (identifier) @name) value: (literal_element (_) @v))
 ] @risk.dns
 (#match? @name "(?-u)(?i)^(default_?|min_?|max_?)?ttl(_?(secs?|seconds|s))?$")
 (#match? @v "(?-u)^((aws\\.)?(Int64|Int32|Uint32|Int)\\(|u?int(32|64)?\\()?[0-9][0-9_]*\\)?$"))
([
  (const_spec name: (identifier) @name value: (expression_list . (_) @v .))
  (var_spec name: (identifier) @name value: (expression_list . (_) @v .))
  (keyed_element key: (literal_element (identifier) @name) value: (literal_element (_) @v))
  (short_var_declaration left: (expression_list . (identifier) @name .) right: (expression_list . (_) @v .))
 ] @risk.config
 (#match? @name "(?-u)(?i)^(\\w*_?)?ttl$")
 (#match? @v "(?-u)time\\.(Nanosecond|Microsecond|Millisecond|Second|Minute|Hour)\\b|^time\\.ParseDuration|^time\\.Duration\\("))

; Functions that resolve names or manage records and zones.
([
  (function_declaration name: (identifier) @name)
  (method_declaration name: (field_identifier) @name)
 ] @risk.dns
 (#match? @name "(?-u)(DNS|Dns|Nameservers?|NameServers?|HostedZones?|Cname|CNAME|SRVRecords?|SrvRecords?|ZoneFile|Resolv)([^a-z]|$)|^(dns|nameservers?|hostedZones?|cname|resolv)([^a-z]|$)|(?i:^(resolve|lookup|reverselookup)(host|hostname|hostnames|addr|addrs|address|addresses|domain|name|srv|service|endpoint|peer|ip|ips|txt|mx|upstream|backend)s?$)|^(?i:create|update|upsert|delete|remove|publish|register|deregister|sync)\\w*(Dns|DNS|SRV|Srv|Cname|CNAME|Txt|TXT|Mx|MX|Zone|Service|Host|Alias|A|AAAA)Records?$"))

; Resolver configuration files and DNS server addresses.
([(interpreted_string_literal) (raw_string_literal)] @risk.dns
 (#match? @risk.dns "(?-u)^[\"`](/etc/resolv\\.conf|/etc/hosts|/etc/nsswitch\\.conf|(\\d{1,3}\\.){3}\\d{1,3}:53|\\[[0-9a-fA-F:]+\\]:53)[\"`]$"))

; =====================================================================================================
; config: configuration loading and defaults, feature flags, environment variables, timeouts,
; retries, limits
; =====================================================================================================

; Calls: environment variables and .env files, configuration libraries (viper, koanf, envconfig,
; cleanenv), command-line flags (flag, pflag, cobra `cmd.Flags().DurationVar(..)`), viper
; instance settings, connection-pool and deadline settings, `context.WithTimeout`,
; `http.TimeoutHandler`, body limits, rate limiters, backoff and retry packages.
(call_expression
  function: (selector_expression) @fn
  (#match? @fn "(?-u)^os\\.(Getenv|LookupEnv|Setenv|Unsetenv|Clearenv|Environ|ExpandEnv)$|^(godotenv|envconfig|env|envdecode|cleanenv|viper|koanf|konfig|gonfig|confita|kingpin|configor|envy)\\.\\w+$|^(flag|pflag)\\.(String|Int|Int64|Uint|Uint64|Bool|Duration|Float64|Func|BoolFunc|TextVar|StringSlice|IntSlice|StringArray|Set)(Var)?P?$|(Flags|PersistentFlags|LocalFlags)\\(\\)\\s*\\.\\s*(String|Int|Int8|Int16|Int32|Int64|Uint|Uint8|Uint16|Uint32|Uint64|Bool|Duration|Float32|Float64|StringSlice|StringArray|IntSlice|StringToString|Count|IP|IPNet|BytesHex|Func|BoolFunc|TextVar)(Var)?P?$|^(fs|flags|flagSet|flagset|fset|cmdFlags)\\.(String|Int|Int64|Uint|Uint64|Bool|Duration|Float64|Func|BoolFunc|TextVar)(Var)?$|\\.\\s*(SetDefault|SetConfigName|SetConfigType|SetConfigFile|AddConfigPath|ReadInConfig|MergeInConfig|AutomaticEnv|SetEnvPrefix|BindEnv|BindPFlag|BindPFlags|WatchConfig|OnConfigChange|UnmarshalKey|SetEnvKeyReplacer|AllowEmptyEnv|SafeWriteConfig|SetMaxOpenConns|SetMaxIdleConns|SetConnMaxLifetime|SetConnMaxIdleTime|SetKeepAlivesEnabled|SetDeadline|SetReadDeadline|SetWriteDeadline|SetKeepAlive|SetKeepAlivePeriod|SetLimit|SetBurst|SetMaxRetries|SetRetryCount|SetRetryWaitTime|SetRetryMaxWaitTime|SetTimeout|WithTimeout|WithRetries|WithMaxRetries|WithRetryer|SetMaxHeaderBytes)$|^(context|http)\\.(WithTimeout|WithDeadline|TimeoutHandler|MaxBytesReader|MaxBytesHandler)$|^middleware\\.(Timeout|Throttle|ThrottleBacklog|RequestSize|RateLimiter|RateLimiterWithConfig|TimeoutWithConfig|BodyLimit)$|^(config|awsconfig)\\.(LoadDefaultConfig|WithRegion|WithSharedConfigProfile|WithSharedConfigFiles|WithRetryer|WithRetryMaxAttempts|WithEndpointResolverWithOptions|WithDefaultRegion)$|^(rate|backoff|retry|limiter|ratelimit|tollbooth|retryablehttp|gobreaker|hystrix|circuitbreaker)\\.(NewLimiter|Limit|Every|NewExponentialBackOff|NewConstantBackOff|WithMaxRetries|Retry|RetryNotify|Do|Attempts|Delay|MaxDelay|DelayType|NewClient|NewCircuitBreaker|ConfigureCommand|New|NewLimiterFromConfig|MaxJitter|LastErrorOnly)$")) @risk.config
; viper/koanf-style getters on a configuration object, given a key.
((call_expression function: (selector_expression) @fn) @risk.config
 (#match? @fn "(?-u)^(?i:v|vp|viper|cfg|conf|config|k|koanf|settings|ko)\\.(Get|GetString|GetInt|GetInt32|GetInt64|GetUint|GetFloat64|GetBool|GetDuration|GetStringSlice|GetStringMap|GetStringMapString|GetTime|IsSet|Unmarshal|String|Int|Int64|Bool|Duration|Float64|Strings|MustString|MustInt|MustBool|MustDuration)$")
 (#match? @risk.config "(?-u)^[\\w.]+\\s*\\(\\s*[\"`]"))
; Feature flags: LaunchDarkly, Unleash, OpenFeature, GO Feature Flag, Flagsmith.
((call_expression function: (selector_expression) @fn) @risk.config
 (#match? @fn "(?-u)\\.\\s*(BoolVariation|StringVariation|IntVariation|Float64Variation|JSONVariation|BoolVariationDetail|IsEnabled|IsFeatureEnabled|FeatureEnabled|IsFlagEnabled|BooleanValue|GetFlag|GetFeatureFlag|IsEnabledForUser)$")
 (#match? @risk.config "(?-u)\\.\\s*(?:BoolVariation|StringVariation|IntVariation|Float64Variation|JSONVariation|BoolVariationDetail|IsEnabled|IsFeatureEnabled|FeatureEnabled|IsFlagEnabled|BooleanValue|GetFlag|GetFeatureFlag|IsEnabledForUser)\\s*\\(\\s*(\"|[A-Z]\\w*\\s*[,)]|(\\w+\\.)?(Flag|Feature|flag|feature)\\w*\\s*[,)])"))
; Configuration files decoded into a configuration value: `yaml.Unmarshal(b, &cfg)`,
; `toml.DecodeFile("app.toml", &conf)`, `json.NewDecoder(f).Decode(&config)`.
((call_expression function: (selector_expression) @fn) @risk.config
 (#match? @fn "(?-u)\\.\\s*(Unmarshal|UnmarshalStrict|Decode|DecodeFile|DecodeReader|UnmarshalExact|ReadConfig|ReadEnv|Process|Parse|Load)$")
 (#match? @risk.config "(?-u)(?i)[(,]\\s*&(\\w+\\.)*(cfg|conf|config|configuration|settings|appconfig|appcfg|options|opts|env|spec)\\s*\\)$"))
; Reading a configuration file.
((call_expression function: (selector_expression) @fn) @risk.config
 (#match? @fn "(?-u)^(os|ioutil)\\.(ReadFile|Open)$")
 (#match? @risk.config "(?-u)^[\\w.]+\\s*\\(\\s*((?i:[^,()]*(config|settings|\\.env\"|cfgfile|cfgpath|conffile))|\"/etc/[^\"]*\\.(toml|ya?ml|json|ini|conf)\")"))
; urfave/cli flags; AWS SDK configuration.
(composite_literal
  type: (qualified_type) @t
  (#match? @t "(?-u)^cli\\.(String|Int|Int64|Uint|Uint64|Bool|Duration|Float64|StringSlice|IntSlice|Path|Generic|Timestamp)Flag$|^aws\\.Config$")) @risk.config

; Functions that load configuration or environment values, or provide defaults; configuration
; types themselves.
([
  (function_declaration name: (identifier) @name)
  (method_declaration name: (field_identifier) @name)
 ] @risk.config
 (#match? @name "(?-u)(?i)^(load|read|parse|init|get|build|reload|apply|default|validate|new|must|setup)\\w*(config|configuration|settings|conf|cfg|featureflags?|flags|options)$|^(load|read|parse|init|setup|configure)(viper|koanf|dotenv|flags|env|environment)$|^(config|settings)from\\w+$|^(get|must|lookup|read)?env(var)?(or(default|else|fallback)?)?(int|int64|bool|duration|string|float|float64|list|slice|strings)?(or(default|else|fallback)?)?$|^(get|must|lookup|read)env\\w*$|^fromenv$"))
; A configuration struct is a hotspot where its tags set values (`default:"30s"`, `env:"PORT"`,
; `envDefault:"8080"`); a struct of plain fields declares a shape and sets nothing (the values
; are flagged where they are assigned or loaded).
((type_spec
  name: (type_identifier) @name
  type: (struct_type)) @risk.config
  (#match? @name "(?-u)^\\w*(Config|Configuration|Settings|Options|Opts|FeatureFlags|Flags)$")
  (#match? @risk.config "(?-u)`[^`]*\\b(default|envDefault|env|envconfig|koanf_default|mapstructure_default)\\s*:\\s*\"[^\"]"))

; Timeouts, retries, limits, defaults and feature switches as constants and package variables
; (not hex masks, not counters starting at 0 or 1).
([
  (const_spec name: (identifier) @name value: (expression_list . (_) @v .))
  (var_spec name: (identifier) @name value: (expression_list . (_) @v .))
 ] @risk.config
 (#match? @name "(?-u)(Timeout|Timeouts|Deadline|Retries|Retry|Attempts|Backoff|Delay|Interval|KeepAlive|Keepalive|Idle|Grace|GracePeriod|Quota|Burst|Concurrency|Capacity|Threshold|Limit|Limits|Max|Min|Expiry|Expiration|Expires|Lifetime|Rate|RPS|Rps|QPS|Qps|PoolSize|BatchSize|BufferSize|PageSize|Cooldown|Jitter|Workers|Threads|Default|Defaults|Secs|Seconds|Millis|Ms|MS|Duration|Period|Enabled|Disabled)([^a-z]|$)|^(timeout|deadline|retries|retry|attempts|backoff|delay|interval|keepAlive|idle|grace|quota|burst|concurrency|capacity|threshold|limit|max|min|expiry|expiration|lifetime|rate|rps|qps|poolSize|batchSize|bufferSize|pageSize|cooldown|jitter|workers|threads|default|defaults|enable|disable|feature|flag|use|allow|experimental|beta|rollout|killSwitch|dryRun|debug)([^a-z]|$)|(?i:(^|_)(timeout|retries|retry|attempts|backoff|delay|interval|limit|max|min|default|ttl|enable|enabled|disable|disabled|feature|flag)(_|$))")
 (#match? @v "(?-u)^([0-9][0-9_.]*(e\\d+)?|-[0-9]+|true|false|\"[^\"]*\"|(time\\.)?(Nanosecond|Microsecond|Millisecond|Second|Minute|Hour)|[0-9][0-9_.]*\\s*\\*\\s*time\\.\\w+|time\\.Duration\\(.*\\)|[0-9]+\\s*<<\\s*[0-9]+|[0-9]+\\s*\\*\\s*[0-9]+(\\s*\\*\\s*[0-9]+)*)$")
 (#not-match? @v "(?-u)^0x|^[01]$"))
; ...as local variables bound to a literal or a duration (`timeout := 30 * time.Second`).
(short_var_declaration
  left: (expression_list . (identifier) @name .)
  right: (expression_list . (_) @v .)
  (#match? @name "(?-u)(?i)^(\\w*)(timeout|deadline|retries|maxretries|maxattempts|retrycount|retrylimit|retrydelay|retryinterval|backoff|ratelimit|keepalive|idletimeout|graceperiod|poolsize|maxconns|maxconnections|pollinterval|heartbeatinterval|refreshinterval|burst|quota|concurrency|maxbodysize|bodylimit)$")
  (#match? @v "(?-u)^([0-9][0-9_.]*|[0-9][0-9_.]*\\s*\\*\\s*time\\.\\w+|time\\.(Nanosecond|Microsecond|Millisecond|Second|Minute|Hour)|time\\.Duration\\(.*\\)|time\\.ParseDuration\\(.*)$")
  (#not-match? @v "(?-u)^[01]$")) @risk.config
; ...as struct fields with a default in their tag, keyed elements of configuration structs (`http.Client{Timeout: ..}`,
; `http.Server{ReadTimeout: ..}`, `redis.Options{PoolSize: ..}`), and field assignments.
((field_declaration
  name: (field_identifier) @name
  tag: (raw_string_literal) @tag) @risk.config
  (#match? @name "(?-u)^\\w*(Timeout|Retries|RetryCount|RetryLimit|RetryDelay|RetryInterval|RetryPolicy|RetryBackoff|MaxRetries|MaxAttempts|MaxConns|MaxConnections|MaxIdleConns|MaxOpenConns|MaxIdleConnsPerHost|MaxConnsPerHost|MaxBodySize|MaxRequestSize|MaxPayloadSize|MaxUploadSize|MaxHeaderBytes|MaxMessageSize|MaxConcurrent\\w*|MaxInFlight|MaxRequests|MaxRedirects|MinIdleConns|MinConns|Backoff|RateLimit|Ratelimit|RequestsPerSecond|RequestsPerMinute|PerSecond|PerMinute|PoolSize|ConnectionLimit|ConnLimit|BodyLimit|RequestLimit|Concurrency|ConcurrencyLimit|KeepAlive|Keepalive|KeepAlivePeriod|GracePeriod|ShutdownGracePeriod|Burst|BurstSize|Quota|PollInterval|HeartbeatInterval|RefreshInterval|FlushInterval|ReconnectDelay|ReconnectInterval|CacheTTL|SessionTTL|TokenTTL|LockTTL|LeaseTTL|ConnMaxLifetime|ConnMaxIdleTime|MaxAge|Workers|WorkerCount|NumWorkers|FeatureFlags|Deadline)$")
  (#match? @tag "(?-u)\\b(default|envDefault|koanf_default)\\s*:\\s*\"[^\"]"))
(keyed_element
  key: (literal_element (identifier) @name)
  (#match? @name "(?-u)^\\w*(Timeout|Retries|RetryCount|RetryLimit|RetryDelay|RetryInterval|MaxRetries|MaxAttempts|MaxRetryBackoff|MinRetryBackoff|MaxConns|MaxConnections|MaxIdleConns|MaxOpenConns|MaxIdleConnsPerHost|MaxConnsPerHost|MaxBodySize|MaxRequestSize|MaxPayloadSize|MaxHeaderBytes|MaxMessageSize|MaxRecvMsgSize|MaxSendMsgSize|MaxConcurrent\\w*|MaxInFlight|MaxRequests|MaxRedirects|MinIdleConns|MinConns|Backoff|RateLimit|RequestsPerSecond|PoolSize|BodyLimit|Concurrency|KeepAlive|Keepalive|KeepAlivePeriod|GracePeriod|Burst|Quota|PollInterval|HeartbeatInterval|RefreshInterval|FlushInterval|ConnMaxLifetime|ConnMaxIdleTime|PoolTimeout|MaxAge|Workers|Deadline|Expiration|MaxElapsedTime|InitialInterval|MaxInterval|Multiplier|RandomizationFactor)$")
) @risk.config
(assignment_statement
  left: (expression_list . (selector_expression) @name .)
  right: (expression_list . (_) @v .)
  (#match? @name "(?-u)\\.\\w*(Timeout|Retries|MaxRetries|MaxAttempts|MaxIdleConns|MaxOpenConns|MaxIdleConnsPerHost|MaxConnsPerHost|MaxHeaderBytes|PoolSize|KeepAlive|Burst|RateLimit|Deadline|ConnMaxLifetime|MaxElapsedTime|InitialInterval|MaxInterval)$")
  (#match? @v "(?-u)^([0-9]|time\\.|\\(?[0-9].*time\\.\\w+|[a-zA-Z_]\\w*\\s*\\*\\s*time\\.)")) @risk.config

; =====================================================================================================
; crypto: TLS settings, certificate verification, ciphers, signing, randomness for security
; =====================================================================================================

; Calls: standard-library and x/crypto primitives (keys, certificates, ciphers, MACs, KDFs,
; password hashing), the secure random source, constant-time comparison, SSH keys and host-key
; checks, gRPC transport credentials, TLS listeners, AEAD sealing and opening.
(call_expression
  function: (selector_expression) @fn
  (#match? @fn "(?-u)^(tls|x509|rsa|ecdsa|ed25519|ecdh|elliptic|hmac|aes|cipher|des|rc4|pem|argon2|scrypt|pbkdf2|hkdf|chacha20poly1305|secretbox|box|nacl|subtle|autocert|acme|pkcs12|certmagic|insecure|openpgp|nkeys|kms|keyring)\\.\\w+$|^credentials\\.(NewTLS|NewClientTLSFromFile|NewServerTLSFromFile|NewClientTLSFromCert|NewServerTLSFromCert)$|^bcrypt\\.(GenerateFromPassword|Cost)$|^rand\\.(Read|Int|Prime|Text)$|^ssh\\.(InsecureIgnoreHostKey|FixedHostKey|ParsePrivateKey|ParsePrivateKeyWithPassphrase|ParseRawPrivateKey|NewSignerFromKey|NewSignerFromSigner|ParseAuthorizedKey|ParseKnownHosts|NewPublicKey|MarshalAuthorizedKey)$|^knownhosts\\.New$|^grpc\\.(WithInsecure|WithTransportCredentials|Creds|WithPerRPCCredentials)$|^(md5|sha1)\\.New$|\\.\\s*(ListenAndServeTLS|ServeTLS|StartTLS|RunTLS|ListenTLS|AppendCertsFromPEM|AddCert|SignPSS|SignPKCS1v15|VerifyPKCS1v15|VerifyPSS|SignASN1|VerifyASN1|GenerateKey|NewGCM|NewCTR|NewCBCEncrypter|NewCBCDecrypter|NewCFBEncrypter|NewCFBDecrypter|NewOFB)$|(?i:(gcm|aead|cipher|block|box|sealer|crypter|enc|aes))\\.\\s*(Open|Seal)$")) @risk.crypto
; TLS configuration: the `tls.Config` literal, its risky fields wherever they are set.
(composite_literal
  type: (qualified_type) @t
  (#match? @t "(?-u)^(tls\\.(Config|Certificate)|autocert\\.Manager|ssh\\.ClientConfig|ssh\\.ServerConfig|x509\\.Certificate|x509\\.VerifyOptions)$")) @risk.crypto
(keyed_element
  key: (literal_element (identifier) @k)
  (#any-of? @k "InsecureSkipVerify" "MinVersion" "MaxVersion" "CipherSuites" "ClientAuth" "ClientCAs" "RootCAs" "VerifyPeerCertificate" "VerifyConnection" "GetCertificate" "GetClientCertificate" "PreferServerCipherSuites" "CurvePreferences" "TLSClientConfig" "TLSConfig" "HostKeyCallback" "Renegotiation" "SessionTicketsDisabled" "KeyLogWriter")) @risk.crypto
((selector_expression) @risk.crypto
 (#match? @risk.crypto "(?-u)\\.\\s*(InsecureSkipVerify|TLSClientConfig|VersionTLS10|VersionTLS11|VersionSSL30|NoClientCert|RequestClientCert|RequireAnyClientCert|VerifyClientCertIfGiven|RenegotiateFreelyAsClient|TLS_RSA_WITH_RC4_128_SHA|TLS_RSA_WITH_3DES_EDE_CBC_SHA)$|^rand\\.Reader$"))
; TLS switched off in connection strings: `sslmode=disable`, MySQL's `tls=skip-verify`.
([(interpreted_string_literal) (raw_string_literal)] @risk.crypto
 (#match? @risk.crypto "(?-u)(?i)[?&\\s\"`;]ssl-?mode=(disable|allow|prefer)\\b|[?&]tls=(false|skip-verify)\\b|[?&]ssl=false\\b|[?&](insecure|tlsinsecure|tlsallowinvalidcertificates|tlsinsecureskipverify)=true\\b"))
; Weak or unsalted hashes of secrets: `md5.Sum([]byte(password))`, `sha256.Sum256([]byte(token))`.
((call_expression function: (selector_expression) @fn) @risk.crypto
 (#match? @fn "(?-u)^(md5|sha1|sha256|sha512|fnv|crc32)\\.(Sum|Sum224|Sum256|Sum384|Sum512|New|New224|New384|Sum512_256)$")
 (#match? @risk.crypto "(?-u)^[\\w.]+\\s*\\([\\s\\S]*(?i:pass|secret|token|apikey|api_key|salt|nonce|signature|sign|credential|otp|session|hmac|\\bkey\\b)"))
; A secret, token, key, nonce or salt made from a random number generator (math/rand is not one).
([
  (short_var_declaration left: (expression_list . (identifier) @name) right: (expression_list . (_) @v))
  (assignment_statement left: (expression_list . (_) @name) right: (expression_list . (_) @v))
  (var_spec name: (identifier) @name value: (expression_list . (_) @v))
 ] @risk.crypto
 (#match? @name "(?-u)(?i)(token|tokens|secret|nonce|salt|password|passwd|otp|csrf|iv|sessionid|sid|apikey|secretkey|privatekey|signingkey|encryptionkey|masterkey|hmackey|aeskey|jwtsecret|passphrase|codeverifier|verifier|challenge|resetcode|verificationcode|invitecode|keybytes)(\\[.*\\])?$")
 (#match? @v "(?-u)\\brand\\.(Intn|Int31n|Int63n|Int63|Int31|Int|Uint32|Uint64|Float64|Perm|Read|Text|N|IntN|Int64N|Uint64N)\\(|\\bmrand\\.|\\bmathrand\\.|\\brand\\.New\\(|\\buuid\\.(New|NewString|NewRandom|Must)\\(|\\bsecureRandom|\\brandomBytes|\\brandomString|\\bgenerateRandom")) @risk.crypto
; Functions that hash passwords, handle keys and certificates, sign, encrypt, or generate secrets.
([
  (function_declaration name: (identifier) @name)
  (method_declaration name: (field_identifier) @name)
 ] @risk.crypto
 (#match? @name "(?-u)(?i:^(hash|rehash)\\w*(password|passwd|passphrase|secret|token|apikey)s?$|^(load|read|parse|generate|gen|create|new|make|random|derive|rotate)\\w*(privatekey|signingkey|encryptionkey|secretkey|keypair|cert|certs|certificate|certificates|tlsconfig|tls|nonce|salt|iv|secret|secrets|apikey|hmackey|aeskey|masterkey|keymaterial)s?$|^(generate|gen|random|rand|secure|crypto)\\w*(token|tokens|password|otp|code|string|bytes|id)$)|(Encrypt|Decrypt|Encryption|Decryption|Signature|Signatures|Cipher|HMAC|Hmac|KeyPair|Keypair|TLS|Tls|MTLS|Mtls|SSL|Ssl|X509|Cert|Certs|Certificate|Certificates)([^a-z]|$)|^(encrypt|decrypt|signature|cipher|hmac|keyPair|keypair|tls|mtls|ssl|x509|cert|certs|certificate|certificates)([^a-z]|$)|^[sS]ign$|[a-z0-9]Sign$|^[sS]ign(Message|Payload|Request|Data|Bytes|Token|JWT|Jwt|URL|Url|Cookie|Body|Digest|Hash|Blob|Manifest|Challenge|Webhook|Event|Envelope)s?$"))

; =====================================================================================================
; secrets: credentials, API keys, secret loading and storage, hard-coded secrets
; =====================================================================================================

; A string literal bound to a name that says it is a credential: consts, vars, `:=`, assignments,
; struct literal fields (`Password: "hunter2"`), also `[]byte("..")`.
([
  (const_spec name: (identifier) @name value: (expression_list . (_) @v))
  (var_spec name: (identifier) @name value: (expression_list . (_) @v))
  (short_var_declaration left: (expression_list . (identifier) @name) right: (expression_list . (_) @v))
  (assignment_statement left: (expression_list . [(identifier) (selector_expression)] @name) right: (expression_list . (_) @v))
  (keyed_element key: (literal_element [(identifier) (interpreted_string_literal)] @name) value: (literal_element (_) @v))
 ] @risk.secrets
 (#match? @name "(?-u)(?i)(^\"?|\\.)(\\w*_)?(\\w*password|passwd|pwd|passphrase|\\w*secret|secretkey|secret_key|secretaccesskey|secret_access_key|clientsecret|client_secret|\\w*apikey|\\w*api_key|accesskey|access_key|accesskeyid|access_key_id|privatekey|private_key|\\w*authtoken|\\w*auth_token|\\w*accesstoken|\\w*access_token|refreshtoken|refresh_token|bearertoken|apitoken|api_token|bottoken|bot_token|token|credentials?|creds|signingkey|signing_key|encryptionkey|encryption_key|masterkey|master_key|hmackey|hmac_key|jwtsecret|jwt_secret|jwtkey|webhooksecret|sessionsecret|cookiesecret|appsecret|dbpass|pass)\"?$")
 (#match? @v "(?-u)^(\\[\\]byte\\()?[\"`][^\"`\\s]{3,}")
 (#not-match? @v "(?-u)^(\\[\\]byte\\()?[\"`]([A-Z][A-Z0-9_]{2,}|<[^\"`]*>|\\$\\{[^\"`]*\\}|\\{\\{[^\"`]*\\}\\}|[*x.]+|(Bearer|Basic|Token) ?|%s|%v|(?i:changeme|redacted|placeholder|your[-_ ]?\\w+|xxx+|todo|replace[-_ ]?me))[\"`]"))
; Calls: static credentials, secret stores (AWS Secrets Manager, GCP Secret Manager, Vault's
; logical and KV APIs), credentials set on outgoing requests.
(call_expression
  function: (selector_expression) @fn
  (#match? @fn "(?-u)^(credentials|awscreds)\\.(NewStaticCredentials\\w*|NewStaticCredentialsProvider|StaticCredentialsProvider|NewStaticV4|NewStatic)$|\\.\\s*(GetSecretValue|BatchGetSecretValue|PutSecretValue|CreateSecret|UpdateSecret|RotateSecret|DeleteSecret|RestoreSecret|AccessSecretVersion|AddSecretVersion|CreateSecretVersion|GetSecret|KVv1|KVv2|SetCredentials|SetBasicAuth|SetAuthToken|SetBearerToken|SetToken)$|Logical\\(\\)\\s*\\.\\s*(Read|Write|ReadWithContext|WriteWithContext|Delete|List)$")) @risk.secrets
; Literal keys handed to constructors: `sessions.NewCookieStore([]byte(".."))`,
; `hmac.New(sha256.New, []byte(".."))`, `token.SignedString([]byte(".."))`.
((call_expression function: (selector_expression) @fn) @risk.secrets
 (#match? @fn "(?-u)\\.\\s*(NewCookieStore|NewFilesystemStore|SignedString|NewHMACSigner|NewSigner|NewHMAC|SetSigningKey)$|^hmac\\.New$|^(jwtauth|echojwt|jwtware)\\.\\w+$")
 (#match? @risk.secrets "(?-u)[(,]\\s*\\[\\]byte\\(\\s*[\"`][^\"`]{4,}[\"`]\\s*\\)\\s*\\)$"))

; Literals that look like credentials: AWS keys, PEM private keys, GitHub/Stripe/Slack/Google/OpenAI
; tokens, JWTs, URLs with a password in them, literal Authorization values.
([(interpreted_string_literal) (raw_string_literal)] @risk.secrets
 (#match? @risk.secrets "(?-u)\\b(AKIA|ASIA)[0-9A-Z]{16}\\b|-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----|\\bgh[pousr]_[A-Za-z0-9]{36}\\b|\\bgithub_pat_[A-Za-z0-9_]{22,}|\\b(sk|rk)_(live|test)_[0-9A-Za-z]{16,}|\\bxox[abprs]-[0-9A-Za-z-]{10,}|\\bAIza[0-9A-Za-z_-]{35}\\b|\\bsk-(proj-|ant-)?[A-Za-z0-9_-]{20,}|\\bglpat-[0-9A-Za-z_-]{20}|\\bnpm_[A-Za-z0-9]{36}\\b|\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}|[a-z][a-z0-9+.-]*://[^/\\s:@\"{}`]*:[^/\\s@\"{}$%`]+@|(^|[\\s\"`;])(password|pwd)=[^\\s%\"`;$]{3,}|^[\"`][\\w.-]+:[^\\s@\"`%]{3,}@tcp\\(|^[\"`](Basic|Bearer|Token) [A-Za-z0-9+/=._~-]{12,}[\"`]$"))

; SSM parameters decrypted on read.
(keyed_element
  key: (literal_element (identifier) @k)
  value: (literal_element) @v
  (#eq? @k "WithDecryption")
  (#match? @v "(?-u)true")) @risk.secrets
; Secret files and secrets from the environment.
((call_expression function: (selector_expression) @fn) @risk.secrets
 (#match? @fn "(?-u)^(os|ioutil)\\.(ReadFile|Open|OpenFile|Getenv|LookupEnv)$")
 (#match? @risk.secrets "(?-u)^[\\w.]+\\s*\\(\\s*(?i:[^,()]*(secret|credential|passw|token|privkey|private|key\\w*\\.pem\\b|\\.key\"|id_rsa|id_ed25519|id_ecdsa|\\.p12\\b|\\.pfx\\b|keystore|\\.netrc|\\.pgpass|\\.aws/|keypath|keyfile|key_file|key_path|api_?key|access_key|_key\"|signing_key|_pass\"|_pwd\"|dsn\"|database_url\"))"))
; Credentials sent upstream: `req.Header.Set("Authorization", ..)`.
((call_expression function: (selector_expression) @fn) @risk.secrets
 (#match? @fn "(?-u)\\.\\s*(Set|Add|SetHeader|AddHeader)$")
 (#match? @risk.secrets "(?-u)\\.\\s*(?:Set|Add|SetHeader|AddHeader)\\s*\\(\\s*(?i:\"(authorization|proxy-authorization|x-api-key|api-key|x-auth-token|x-access-token|private-token|x-vault-token)\"|(echo|fiber|headers)\\.headerauthorization)\\s*,"))

; =====================================================================================================
; network: listeners, ports, bind addresses, firewalls and security groups, CORS, proxies, routing
; =====================================================================================================

; Calls: listeners and servers, the default mux, CORS middleware (rs/cors, gin-contrib/cors,
; gorilla/handlers, echo), reverse and outbound proxies, security groups and firewall rules.
(call_expression
  function: (selector_expression) @fn
  (#match? @fn "(?-u)^(http|net|tls|fcgi|grpc|autocert|quic|http3|netutil)\\.(ListenAndServe|ListenAndServeTLS|Serve|ServeTLS|Listen|ListenTCP|ListenUDP|ListenUnix|ListenUnixgram|ListenPacket|ListenIP|ListenMulticastUDP|NewListener|ListenAddr|ListenAndServeQUIC|LimitListener)$|\\.\\s*(ListenAndServe|ListenAndServeTLS|Serve|ServeTLS|ServeListener|RunTLS|StartTLS|StartAutoTLS|RunListener|RunUnix|ListenPacket|ListenMutualTLS|StartServer)$|^http\\.(Handle|HandleFunc|FileServer|StripPrefix)$|^cors\\.\\w+$|^(handlers|middleware)\\.(CORS|CORSWithConfig|Allowed\\w+|AllowCredentials|ProxyHeaders|Proxy|ProxyWithConfig)$|^(httputil|http|proxy)\\.(NewSingleHostReverseProxy|ProxyURL|ProxyFromEnvironment|FromEnvironment|SOCKS5)$|\\.\\s*(AuthorizeSecurityGroupIngress|AuthorizeSecurityGroupEgress|RevokeSecurityGroupIngress|RevokeSecurityGroupEgress|CreateSecurityGroup|ModifySecurityGroupRules|CreateNetworkAclEntry|ReplaceNetworkAclEntry|CreateFirewallRule|InsertFirewall|PatchFirewall|NewSecurityGroupsClient|NewSecurityRulesClient)$")) @risk.network
; `e.Start(":8080")`, `r.Run(addr)`, `app.Listen(":3000")`, `lc.Listen(ctx, "tcp", addr)`: an address
; is passed.
((call_expression function: (selector_expression) @fn) @risk.network
 (#match? @fn "(?-u)\\.\\s*(Start|Run|Listen|Bind)$")
 (#match? @risk.network "(?-u)\\.\\s*(?:Start|Run|Listen|Bind)\\s*\\((?:[^()]|\\([^()]*\\))*?(?i:\"(0\\.0\\.0\\.0|\\[::\\]|::|localhost|127\\.0\\.0\\.1|(\\d{1,3}\\.){3}\\d{1,3})?:\\d{2,5}\"|\"(tcp|tcp4|tcp6|udp|unix)\"|\\b(\\w+\\.)*(addr|address|listenaddr|listenaddress|bindaddr|bindaddress|httpaddr|grpcaddr|port|httpport|listen|hostport)\\s*[,)]|fmt\\.Sprintf\\(\"[^\"]*:%[ds]|net\\.JoinHostPort\\(|\":\"\\s*\\+)(?:[^()]|\\([^()]*\\))*\\)$"))
; Firewall programs run from Go: `exec.Command("iptables", "-A", "INPUT", ..)`.
((call_expression function: (selector_expression) @fn) @risk.network
 (#match? @fn "(?-u)^(exec|execabs)\\.(Command|CommandContext)$")
 (#match? @risk.network "(?-u)^\\w+\\.\\w+\\s*\\((\\s*\\w+\\s*,)?\\s*\"(\\S*/)?(iptables|ip6tables|nft|ufw|firewall-cmd|pfctl)\""))
; Servers, listen configs, CORS options and reverse proxies built as structs; websocket origin checks.
(composite_literal
  type: (qualified_type) @t
  (#match? @t "(?-u)^((http|grpc|dns|fasthttp|http3)\\.Server|net\\.(ListenConfig|TCPAddr|UDPAddr)|cors\\.\\w+|\\w+\\.(CORSConfig|CorsConfig|CORSOptions|ProxyConfig)|httputil\\.ReverseProxy)$")) @risk.network
(keyed_element
  key: (literal_element (identifier) @k)
  (#any-of? @k "CheckOrigin" "AllowedOrigins" "AllowOrigins" "AllowAllOrigins" "AllowOriginFunc" "AllowOriginRequestFunc" "AllowCredentials" "AllowPrivateNetwork" "AllowWildcard" "AllowedHeaders" "AllowHeaders" "AllowedMethods" "AllowMethods" "ExposeHeaders" "ExposedHeaders")) @risk.network
; All-interfaces addresses, open CIDRs, bare listen ports and CORS headers in literals.
([(interpreted_string_literal) (raw_string_literal)] @risk.network
 (#match? @risk.network "(?-u)^[\"`](0\\.0\\.0\\.0(:\\d+|/0)?|\\[::\\](:\\d+)?|::/0|:\\d{2,5}|(?i)access-control-allow-(origin|credentials|methods|headers))[\"`]$"))
((selector_expression) @risk.network
 (#match? @risk.network "(?-u)^net\\.(IPv4zero|IPv6zero|IPv6unspecified)$"))
; Ports as constants, variables and keyed fields.
([
  (const_spec name: (identifier) @name value: (expression_list . (_) @v .))
  (var_spec name: (identifier) @name value: (expression_list . (_) @v .))
  (short_var_declaration left: (expression_list . (identifier) @name .) right: (expression_list . (_) @v .))
  (keyed_element key: (literal_element (identifier) @name) value: (literal_element (_) @v))
 ] @risk.network
 (#match? @name "(?-u)(?i)^(\\w*_?)?port$")
 (#match? @v "(?-u)^[1-9][0-9]{1,4}$|^\"[1-9][0-9]{1,4}\"$|^(aws\\.)?(Int|Int32|Int64)\\([1-9][0-9]{1,4}\\)$"))
; Routes: every `HandleFunc("/path", ..)`, `r.GET("/path", ..)`, `r.Group("/api")`, `r.Mount(..)`
; exposes an endpoint. Lowercase-verb routers (chi, fiber) need a handler argument, so an HTTP
; client's `client.Get("/users")` does not count.
((call_expression function: (selector_expression) @fn) @risk.network
 (#match? @fn "(?-u)\\.\\s*(Handle|HandleFunc|GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|Any|Group|Mount|Route|Static|StaticFS|StaticFile|PathPrefix|Match|CONNECT|TRACE)$")
 (#match? @risk.network "(?-u)\\.\\s*(?:Handle|HandleFunc|GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|Any|Group|Mount|Route|Static|StaticFS|StaticFile|PathPrefix|Match|CONNECT|TRACE)\\s*\\(\\s*[\"`]/(?:[^()]|\\((?:[^()]|\\([^()]*\\))*\\))*\\)$"))
((call_expression function: (selector_expression) @fn) @risk.network
 (#match? @fn "(?-u)\\.\\s*(Get|Post|Put|Delete|Patch|Head|Options|All|Use)$")
 (#match? @risk.network "(?-u)\\.\\s*(?:Get|Post|Put|Delete|Patch|Head|Options|All|Use)\\s*\\(\\s*[\"`]/[^\"`]*[\"`]\\s*,(?:[^()]|\\((?:[^()]|\\([^()]*\\))*\\))*\\)$"))
; The profiler exposed on the default mux.
(import_spec
  name: (blank_identifier)
  path: (interpreted_string_literal) @p
  (#eq? @p "\"net/http/pprof\"")) @risk.network

; =====================================================================================================
; data: destructive or schema-changing data operations: DELETE, DROP, TRUNCATE, migrations,
; recursive deletes
; =====================================================================================================

; SQL that drops, deletes, truncates or changes the schema, in any string literal. Lowercase SQL
; counts when it starts the string or a line, or follows a `;`.
([(interpreted_string_literal) (raw_string_literal)] @risk.data
 (#match? @risk.data "(?-u)(?im)(^|[\"`;])\\s*(drop\\s+(table|database|schema|index|view|column|constraint|type|trigger|function|extension|sequence|materialized\\s+view|collection|keyspace)\\b|delete\\s+from\\s|truncate(\\s+table)?\\s+[\\w\"`]|alter\\s+(table|database|schema|index|type|sequence|view)\\s|create\\s+(unique\\s+)?(table|index|schema|database|type|view|materialized\\s+view|extension|trigger|sequence)\\b|rename\\s+table\\s|flushall\\b|flushdb\\b|with\\s[\\s\\S]*\\bdelete\\s+from\\s)|(?-i:\\b(DROP (TABLE|DATABASE|SCHEMA|INDEX|COLUMN|VIEW)|DELETE FROM|TRUNCATE TABLE|ALTER TABLE)\\b)"))
; UPDATE without WHERE rewrites every row.
([(interpreted_string_literal) (raw_string_literal)] @risk.data
 (#match? @risk.data "(?-u)(?im)(^|[\"`;])\\s*update\\s+[\\w.\"]+\\s+set\\s")
 (#not-match? @risk.data "(?-u)(?i)\\bwhere\\b"))

; Calls: schema changes and migrations (gorm's Migrator, golang-migrate, goose, sql-migrate,
; gormigrate), bulk deletes and drops (MongoDB, Redis, S3, DynamoDB, RDS, GCS), gorm deletes in a
; query chain (`db.Where(..).Delete(..)`, `db.Unscoped().Delete(..)`).
(call_expression
  function: (selector_expression) @fn
  (#match? @fn "(?-u)\\.\\s*(AutoMigrate|DropTable|DropColumn|DropIndex|DropConstraint|AlterColumn|RenameColumn|RenameTable|RenameIndex|CreateTable|CreateIndex|CreateConstraint|Migrator|DropDatabase|DeleteMany|FindOneAndDelete|FlushAll|FlushAllAsync|FlushDB|FlushDBAsync|DeleteObjects|DeleteBucket|EmptyBucket|DeleteTable|DeleteDBInstance|DeleteDBCluster|DeleteDBSnapshot|DeleteSnapshot|DeleteVolume|DeleteFileSystem|DeleteBackup|DeleteObject|DeleteItem|BatchWriteItem|DeleteCollection|TruncateTable|DeleteRange)$|^(migrate|goose|gormigrate|migrations|migrator|dbmate|atlas|sqlmigrate)\\.\\w+$|(?i:migrat\\w*|^m|^mg)\\s*\\.\\s*(Up|Down|Steps|Force|Migrate|Drop|Run|Rollback|RollbackLast|RollbackTo|MigrateTo|Reset|Redo|UpTo|DownTo|Apply)$|(?i:coll|collection|database|\\bdb|bucket|keyspace)\\s*\\.\\s*(Drop|Purge)$|(Object|Collection|Database|Bucket)\\([^()]*\\)\\s*\\.\\s*(Drop|Delete|Purge)$|(Where|Unscoped|Model|Table|Joins|Scopes|Clauses|Not|Or)\\([\\s\\S]*\\)\\s*\\.\\s*Delete$")) @risk.data
; gorm `db.Delete(&User{}, id)`: a model is deleted.
((call_expression function: (selector_expression) @fn) @risk.data
 (#match? @fn "(?-u)\\.\\s*Delete$")
 (#match? @risk.data "(?-u)\\.\\s*Delete\\s*\\(\\s*(&|\\w+(\\.\\w+)?\\{)(?:[^()]|\\((?:[^()]|\\([^()]*\\))*\\))*\\)$"))
(keyed_element
  key: (literal_element (identifier) @k)
  value: (literal_element (true))
  (#any-of? @k "AllowGlobalUpdate" "DropTableIfExists" "DisableForeignKeyConstraintWhenMigrating")) @risk.data
; Recursive and file deletes (not the removal of a temporary file, lock or socket).
((call_expression function: (selector_expression) @fn) @risk.data
 (#match? @fn "(?-u)^(os|afero|fs)\\.(RemoveAll|Remove|Truncate)$|\\.\\s*RemoveAll$")
 (#not-match? @risk.data "(?-u)(?i)(?:RemoveAll|Remove|Truncate)\\s*\\(\\s*[^,]*?(tmp|temp|lock|\\.sock\\b|socket|pidfile|pidpath|\\.pid\\b)|(?:RemoveAll|Remove)\\s*\\(\\s*[\\w.]+\\.Name\\(\\)\\s*\\)$"))
; Destructive programs run from Go: `exec.Command("rm", "-rf", dir)`, `exec.Command("dropdb", name)`.
((call_expression function: (selector_expression) @fn) @risk.data
 (#match? @fn "(?-u)^(exec|execabs)\\.(Command|CommandContext)$")
 (#match? @risk.data "(?-u)^\\w+\\.\\w+\\s*\\((\\s*\\w+\\s*,)?\\s*(\"(\\S*/)?rm\"\\s*,\\s*\"-[a-zA-Z]*[rR]|\"(\\S*/)?(dropdb|mkfs(\\.\\w+)?|wipefs|shred)\")"))
; Functions that migrate, drop, wipe or purge.
([
  (function_declaration name: (identifier) @name)
  (method_declaration name: (field_identifier) @name)
 ] @risk.data
 (#match? @name "(?-u)(?i)^((run|apply|revert|undo|perform|execute|do|rollback)_?)?migrat(e|ions?)$|^(run|apply|revert|undo|rollback|up|down)\\w*migrations?$|^migrate\\w+$|^(drop|truncate)(table|tables|database|schema|all|collection)s?$|^(wipe|nuke|reset)(db|database|data|all|tables|schema|storage)$|^(delete|purge|remove)all\\w*$|^(harddelete|purge)\\w+$"))

; =====================================================================================================
; deploy: CI/CD, infrastructure as code, containers, rollouts, scaling, process execution
; =====================================================================================================

; Calls: process execution (os/exec, syscall, os.StartProcess, running a command built earlier),
; Kubernetes workloads through client-go, Docker, ECS, Lambda, autoscaling, CloudFormation,
; CodeDeploy, EC2, Helm and Terraform SDKs.
(call_expression
  function: (selector_expression) @fn
  (#match? @fn "(?-u)^(exec|execabs)\\.(Command|CommandContext)$|^(syscall|unix)\\.(Exec|ForkExec|StartProcess|Fork|Execve)$|^os\\.StartProcess$|^(sh|script)\\.(Run|RunV|RunCmd|Output|OutputV|Exec)$|^(cmd|command|proc|process|\\w+Cmd)\\.(Run|Output|CombinedOutput|Start)$|\\.\\s*(AppsV1|AppsV1beta1|BatchV1|BatchV1beta1|AutoscalingV1|AutoscalingV2|NetworkingV1|ExtensionsV1beta1|UpdateScale|GetScale|Evict|EvictV1|Deployments|StatefulSets|DaemonSets|ReplicaSets|CronJobs|Jobs|HorizontalPodAutoscalers)$|(Pods|Services|Namespaces|Nodes|Ingresses|ConfigMaps|Secrets|PersistentVolumeClaims|Resource)\\([^()]*\\)\\s*\\.\\s*(Create|Update|Patch|Delete|DeleteCollection|Apply|UpdateStatus)$|\\.\\s*(Container(Create|Start|Stop|Remove|Kill|Restart|Pause|Unpause|Update|ExecCreate|ExecStart)|Image(Build|Push|Pull|Remove|Tag|Import)|Service(Create|Update|Remove)|UpdateService|CreateService|DeleteService|RegisterTaskDefinition|DeregisterTaskDefinition|RunTask|StopTask|UpdateFunctionCode|UpdateFunctionConfiguration|PublishVersion|UpdateAlias|CreateAlias|SetDesiredCapacity|UpdateAutoScalingGroup|CreateAutoScalingGroup|(Create|Update|Delete)Stack|ExecuteChangeSet|CreateChangeSet|CreateDeployment|StopDeployment|ContinueDeployment|TerminateInstances|RunInstances|RebootInstances|StopInstances|StartInstances|ScaleService|SetReplicas|Rollout|Deploy|Redeploy|PromoteCanary|RollbackDeployment|RollbackRelease)$|^(action|tfexec|helmclient|auto)\\.(NewInstall|NewUpgrade|NewUninstall|NewRollback|NewTerraform|UpsertStackLocalSource|UpsertStackInlineSource|NewStackLocalSource|SelectStackInlineSource)$|^(tf|terraform|stack)\\.(Apply|Destroy|Import|Up|Refresh|Init)$")) @risk.deploy
; Commands, process attributes, Kubernetes workload specs and container configs built as structs.
(composite_literal
  type: (qualified_type) @t
  (#match? @t "(?-u)^((exec|os)\\.(Cmd|ProcAttr)|(appsv1|batchv1|corev1|autoscalingv1|autoscalingv2|v1|apiv1|networkingv1|policyv1)\\.(Deployment|DeploymentSpec|StatefulSet|StatefulSetSpec|DaemonSet|DaemonSetSpec|ReplicaSet|Job|JobSpec|CronJob|CronJobSpec|PodSpec|PodTemplateSpec|Container|HorizontalPodAutoscaler|Scale|ScaleSpec|Ingress|PodDisruptionBudget)|container\\.(HostConfig|Config))$")) @risk.deploy
(assignment_statement
  left: (expression_list (selector_expression) @l)
  (#match? @l "(?-u)\\.(Replicas|MinReplicas|MaxReplicas|DesiredCount|DesiredCapacity|Image)$")) @risk.deploy
(keyed_element
  key: (literal_element (identifier) @k)
  (#any-of? @k "Replicas" "MinReplicas" "MaxReplicas" "DesiredCount" "DesiredCapacity" "MinSize" "MaxSize" "ImagePullPolicy")) @risk.deploy
(keyed_element
  key: (literal_element (identifier) @k)
  value: (literal_element (_) @v)
  (#eq? @k "Image")
  (#match? @v "(?-u)^\"[a-z0-9.\\-/]+(:[\\w.\\-]+|@sha256:[0-9a-f]+)\"$|^(image|img|\\w*[iI]mage\\w*|fmt\\.Sprintf\\(.*)$")) @risk.deploy
; Functions that deploy, roll out, roll back or scale.
([
  (function_declaration name: (identifier) @name)
  (method_declaration name: (field_identifier) @name)
 ] @risk.deploy
 (#match? @name "(?-u)(?i:^(deploy|redeploy|rollout|canary|provision|terraform|helm|kubectl)|^(rollback|rollBack)(deployment|deploy|release|service|rollout|version|canary)s?$|(deploy|deploys|deployment|deployments|redeploy|rollout|canary)$|^(scale|scaleup|scaledown|scaleout|scalein|scaleto)\\w*(deployment|service|replicas|workers|cluster|statefulset|pods?|nodes?|fleet|capacity)s?$|^(set|update)replicas$|^restart(service|deployment|pods?|workload)s?$|^(drain|cordon)nodes?$)"))

; =====================================================================================================
; memory: memory-safety escapes: unsafe, cgo, raw pointers, syscalls on raw memory
; =====================================================================================================

(import_spec
  path: (interpreted_string_literal) @p
  (#eq? @p "\"C\"")) @risk.memory
(call_expression
  function: (selector_expression) @fn
  (#match? @fn "(?-u)^unsafe\\.(Pointer|Slice|String|StringData|SliceData|Add)$|^C\\.\\w+$|^(syscall|unix|windows)\\.(Syscall|Syscall6|Syscall9|Syscall12|RawSyscall|RawSyscall6|Mmap|Munmap|Mprotect|Madvise|NewLazyDLL|LoadDLL|MustLoadDLL|NewCallback|BytePtrFromString|UTF16PtrFromString)$|\\.\\s*(UnsafeAddr|UnsafePointer)$")) @risk.memory
((qualified_type) @risk.memory
 (#match? @risk.memory "(?-u)^(unsafe\\.Pointer|reflect\\.(SliceHeader|StringHeader))$"))
((comment) @risk.memory
 (#match? @risk.memory "(?-u)^//(go:(linkname|noescape|nosplit|uintptrescapes|norace|nocheckptr|cgo_\\w+)\\b|export \\w+$)"))


; Endpoints a service calls, as constants: `const baseURL = "https://.."`.
([
  (const_spec name: (identifier) @name value: (expression_list . (interpreted_string_literal) @v .))
  (var_spec name: (identifier) @name value: (expression_list . (interpreted_string_literal) @v .))
 ] @risk.config
 (#match? @name "(?-u)(?i)(url|uri|endpoint|baseurl|host|addr|address|server)$")
 (#match? @v "(?-u)^\"(https?|grpcs?|wss?|amqps?|redis|rediss|postgres|postgresql|mysql|mongodb(\\+srv)?|nats|kafka)://"))

; Tests are not high-impact: no hotspot is reported inside a function that takes `*testing.T`
; (tests, benchmarks, fuzz targets and their helpers).
((function_declaration
   parameters: (parameter_list (parameter_declaration type: (pointer_type) @_t))) @ignore
 (#match? @_t "^\\*testing\\.(?:T|B|F|M|TB)$"))
