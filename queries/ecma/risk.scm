; Risk queries shared by javascript, typescript and tsx: the patterns that mean the same in all three grammars.
; Each of those languages' built-in query is this file followed by its own risk.scm. Capture names say the category: @risk.<category>; @name names the hotspot.
;
; Conventions used below:
; - Compile time. tree-sitter analyses every pattern step that has children against the grammar's
;   parse table when the query is compiled; for an expression node such as `call_expression` that
;   costs milliseconds per pattern in these grammars (several times more in TypeScript than in
;   JavaScript). So calls have one structural pattern per category,
;   `(call_expression function: (_) @f)`, whose callee is matched by one regex anchored at its
;   end: a bare name (`^(?:execSync|rimraf)$`), a receiver and method (`^jwt\s*\.\s*verify$`), or a
;   method on any receiver (`\.\s*deleteMany$`). End-anchored regexes run backwards from the end,
;   so a long receiver chain costs only the length of the match. Everything else is a leaf pattern
;   (`(new_expression)`, `(method_definition)`, `(decorator)`, `(string)`, ...) with a regex
;   anchored at the start of the node's text, which costs nothing to compile.
; - Run time. A call pattern has only its callee as a child step, so no pattern state waits while
;   a long receiver chain (`knex('t').where(..).where(..).del()`) or a callback's body is walked;
;   where the arguments matter, the call's text is matched from its start
;   (`^res\s*\.\s*cookie\s*\(\s*'token'`), and `CHAIN_TAIL` keeps `x(..).then(..)` from matching
;   again as the start of its chain.
; - Names are matched for camelCase, snake_case and SCREAMING_CASE, in the whole name: a function
;   or a variable by its `@name`, a method or a class by the start of its text (decorators and
;   modifiers first).
; - Every regex uses Rust `regex` syntax and starts with `(?-u)`: ASCII classes compile several
;   times faster than Unicode ones.
; - The captured node is what a reviewer must look at: the function for a definition, the call for
;   a call, the `pair` for an option, the declarator for a value, the `if` for a guard, the string
;   for SQL or a key. A value is a hotspot where it is set: `{ timeout: 5000 }` is, and
;   `{ timeout: TIMEOUT_MS }` is not (the constant is, where it is declared).
; - This common part is the same text in queries/javascript, queries/typescript and queries/tsx;
;   each file ends with the patterns of its own grammar (class fields, heritage, type annotations,
;   JSX).

; =====================================================================================================
; auth: authentication, sessions, tokens, passwords, permission checks, access-control decisions
; =====================================================================================================

; Functions, methods and classes that verify tokens, passwords or sessions, check permissions, or
; log people in and out: `verifyToken`, `requireAuth`, `authMiddleware`, `isAdmin`,
; `checkPermission`, `JwtStrategy`, `canActivate`. Lexer-style names (`nextToken`, `peekToken`,
; `createToken`, `tokenize`), authors (`getAuthor`) and UI components named after a login
; (`LoginForm`, `SignInButton`) do not match. Methods and classes are matched in their text, which
; starts with their decorators, modifiers and name.
([
  (function_declaration name: (identifier) @name)
  (generator_function_declaration name: (identifier) @name)
  (variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression)])
  (pair key: (property_identifier) @name value: [(arrow_function) (function_expression)])
 ] @risk.auth
 (#match? @name "(?-u)(?i)^(?:(?:verify|validate|authenticate|decode|introspect|issue|mint|sign|refresh|revoke|invalidate|rotate|extract|blacklist|blocklist|generate|make)_?(?:\\w+?_?)?(?:token|jwt)s?|(?:create|get|set|store|save|clear|remove|new)_?(?:access|refresh|auth|bearer|api|session|id|csrf|xsrf|reset|invite|verification|magic_?link|remember_?me|jwt)_?tokens?|(?:verify|validate|check|compare|reset|change|update|set|confirm|rehash)_?(?:\\w+?_?)?(?:password|passwd|passphrase|credentials?)s?|(?:password|credentials?)_?(?:matches|valid|is_?valid|verify|check)|(?:create|new|establish|destroy|invalidate|revoke|renew|refresh|rotate|regenerate|cycle|expire|purge|terminate|delete|clear|validate|verify|check|extract|require|get|get_?server)_?(?:\\w+?_?)?(?:session|sessions|session_?id)|(?:has|check|require|enforce|verify|authori[sz]e|can|assert)_?(?:\\w+?_?)?(?:permission|permissions|role|roles|access|scope|scopes|privilege|privileges|admin|owner|ownership|membership|capability|capabilities|acl|policy)|ensure_?(?:\\w+?_?)?(?:permission|permissions|access|admin|owner|ownership|authenticated|logged_?in|auth)|can|cannot|is_?allowed|is_?permitted|is_?(?:admin|superuser|super_?admin|staff|owner|authenticated|authori[sz]ed|logged_?in|signed_?in|permitted)|(?:can|may)_?(?:access|manage|administer|edit|delete|modify|view|impersonate)(?:_?\\w+)?|(?:verify|validate|authenticate)_?(?:\\w+?_?)?(?:api_?key|webhook|claims|credentials?|identity|origin|user)s?|can_?activate|forgot_?password\\w*|reset_?password\\w*|request_?password_?reset\\w*|(?-i:(?:Protected|Private|Admin|Auth|Authenticated|Guarded|Secure|Owner|Staff)(?:Route|Routes|Outlet)|\\w*(?:Admin|Auth|Owner|Staff|Members?)Only)|(?:\\w*_)?(?:auth|authn|authz|authenticate[ds]?|authentication|authori[sz]e[ds]?|authori[sz]ation|unauthori[sz]ed|unauthenticated|oauth2?|oidc|saml|sso|mfa|totp|otp|two_?factor|2fa|webauthn|passkey|csrf|xsrf|jwt|log_?in|log_?out|sign_?in|sign_?out|sign_?up|impersonate|reauthenticate)(?:_\\w*)?|(?-i:(?:auth|authn|authz|authenticate|authenticated|authentication|authorize|authorise|authorized|authorization|unauthorized|unauthenticated|oauth|oauth2|oidc|saml|sso|mfa|totp|otp|twoFactor|webauthn|passkey|csrf|xsrf|jwt|login|logout|logIn|logOut|signin|signout|signIn|signOut|signup|signUp|impersonate|reauthenticate)[A-Z0-9_]\\w*|(?:Auth|Authn|Authz|Authenticated|Authentication|Authorization|Jwt|JWT|OAuth|Oauth|Oidc|OIDC|Saml|SAML|Sso|SSO|Mfa|MFA|Totp|Csrf|CSRF|Login|Logout|SignIn|SignOut|SignUp|Passport)[A-Z0-9_]\\w*|\\w*[a-z0-9_](?:Auth|Authn|Authz|Authenticate|Authenticated|Authentication|Authorize|Authorise|Authorized|Authorization|Unauthorized|Unauthenticated|OAuth|OAuth2|Oauth|Oidc|OIDC|Saml|SAML|Sso|SSO|Mfa|MFA|Totp|TOTP|Otp|OTP|TwoFactor|2fa|2FA|WebAuthn|Webauthn|Passkey|Csrf|CSRF|Xsrf|XSRF|Jwt|JWT|Login|Logout|LogIn|LogOut|SignIn|SignOut|SignUp|Impersonate|Reauthenticate)(?:[A-Z0-9_]\\w*)?|\\w*(?:Admin|Role|Roles|Permission|Permissions|Acl|ACL|Rbac|RBAC)(?:Guard|Middleware)))$")
 (#not-match? @name "(?-u)^\\w*(?:Form|Page|Button|Modal|Dialog|View|Screen|Component|Link|Props|Layout|Card|Icon|Container|Section|Header|Footer|Menu|Wrapper|Styles?|Tests?|Spec|Mocks?|Fixtures?|Story|Stories|Text|Label|Message|Error|Exception|Schema|Types?|Dto|DTO|Event|Module)$"))
((method_definition) @risk.auth
 (#match? @risk.auth "(?-u)(?i)^(?:@[^\\n]*\\n\\s*)*(?:(?:static|async|get|set|public|private|protected|override|readonly|abstract|accessor)\\s+)*\\*?\\s*(?:(?:verify|validate|authenticate|decode|introspect|issue|mint|sign|refresh|revoke|invalidate|rotate|extract|blacklist|blocklist|generate|make)_?(?:\\w+?_?)?(?:token|jwt)s?|(?:create|get|set|store|save|clear|remove|new)_?(?:access|refresh|auth|bearer|api|session|id|csrf|xsrf|reset|invite|verification|magic_?link|remember_?me|jwt)_?tokens?|(?:verify|validate|check|compare|reset|change|update|set|confirm|rehash)_?(?:\\w+?_?)?(?:password|passwd|passphrase|credentials?)s?|(?:password|credentials?)_?(?:matches|valid|is_?valid|verify|check)|(?:create|new|establish|destroy|invalidate|revoke|renew|refresh|rotate|regenerate|cycle|expire|purge|terminate|delete|clear|validate|verify|check|extract|require|get|get_?server)_?(?:\\w+?_?)?(?:session|sessions|session_?id)|(?:has|check|require|enforce|verify|authori[sz]e|can|assert)_?(?:\\w+?_?)?(?:permission|permissions|role|roles|access|scope|scopes|privilege|privileges|admin|owner|ownership|membership|capability|capabilities|acl|policy)|ensure_?(?:\\w+?_?)?(?:permission|permissions|access|admin|owner|ownership|authenticated|logged_?in|auth)|can|cannot|is_?allowed|is_?permitted|is_?(?:admin|superuser|super_?admin|staff|owner|authenticated|authori[sz]ed|logged_?in|signed_?in|permitted)|(?:can|may)_?(?:access|manage|administer|edit|delete|modify|view|impersonate)(?:_?\\w+)?|(?:verify|validate|authenticate)_?(?:\\w+?_?)?(?:api_?key|webhook|claims|credentials?|identity|origin|user)s?|can_?activate|forgot_?password\\w*|reset_?password\\w*|request_?password_?reset\\w*|(?-i:(?:Protected|Private|Admin|Auth|Authenticated|Guarded|Secure|Owner|Staff)(?:Route|Routes|Outlet)|\\w*(?:Admin|Auth|Owner|Staff|Members?)Only)|(?:\\w*_)?(?:auth|authn|authz|authenticate[ds]?|authentication|authori[sz]e[ds]?|authori[sz]ation|unauthori[sz]ed|unauthenticated|oauth2?|oidc|saml|sso|mfa|totp|otp|two_?factor|2fa|webauthn|passkey|csrf|xsrf|jwt|log_?in|log_?out|sign_?in|sign_?out|sign_?up|impersonate|reauthenticate)(?:_\\w*)?|(?-i:(?:auth|authn|authz|authenticate|authenticated|authentication|authorize|authorise|authorized|authorization|unauthorized|unauthenticated|oauth|oauth2|oidc|saml|sso|mfa|totp|otp|twoFactor|webauthn|passkey|csrf|xsrf|jwt|login|logout|logIn|logOut|signin|signout|signIn|signOut|signup|signUp|impersonate|reauthenticate)[A-Z0-9_]\\w*|(?:Auth|Authn|Authz|Authenticated|Authentication|Authorization|Jwt|JWT|OAuth|Oauth|Oidc|OIDC|Saml|SAML|Sso|SSO|Mfa|MFA|Totp|Csrf|CSRF|Login|Logout|SignIn|SignOut|SignUp|Passport)[A-Z0-9_]\\w*|\\w*[a-z0-9_](?:Auth|Authn|Authz|Authenticate|Authenticated|Authentication|Authorize|Authorise|Authorized|Authorization|Unauthorized|Unauthenticated|OAuth|OAuth2|Oauth|Oidc|OIDC|Saml|SAML|Sso|SSO|Mfa|MFA|Totp|TOTP|Otp|OTP|TwoFactor|2fa|2FA|WebAuthn|Webauthn|Passkey|Csrf|CSRF|Xsrf|XSRF|Jwt|JWT|Login|Logout|LogIn|LogOut|SignIn|SignOut|SignUp|Impersonate|Reauthenticate)(?:[A-Z0-9_]\\w*)?|\\w*(?:Admin|Role|Roles|Permission|Permissions|Acl|ACL|Rbac|RBAC)(?:Guard|Middleware)))\\s*[(<]")
 (#not-match? @risk.auth "(?-u)(?i)^(?:@[^\\n]*\\n\\s*)*(?:(?:static|async|get|set|public|private|protected|override|readonly|abstract|accessor)\\s+)*\\*?\\s*\\w*(?:Form|Page|Button|Modal|Dialog|View|Screen|Component|Link|Props|Layout|Card|Icon|Container|Section|Header|Footer|Menu|Wrapper|Styles?|Tests?|Spec|Mocks?|Fixtures?|Story|Stories|Text|Label|Message|Error|Exception|Schema|Types?|Dto|DTO|Event|Module)\\s*[(<]"))
((class_declaration) @risk.auth
 (#match? @risk.auth "(?-u)(?i)^(?:@[^\\n]*\\n\\s*)*(?:export\\s+)?(?:default\\s+)?(?:abstract\\s+)?class\\s+(?:(?:verify|validate|authenticate|decode|introspect|issue|mint|sign|refresh|revoke|invalidate|rotate|extract|blacklist|blocklist|generate|make)_?(?:\\w+?_?)?(?:token|jwt)s?|(?:create|get|set|store|save|clear|remove|new)_?(?:access|refresh|auth|bearer|api|session|id|csrf|xsrf|reset|invite|verification|magic_?link|remember_?me|jwt)_?tokens?|(?:verify|validate|check|compare|reset|change|update|set|confirm|rehash)_?(?:\\w+?_?)?(?:password|passwd|passphrase|credentials?)s?|(?:password|credentials?)_?(?:matches|valid|is_?valid|verify|check)|(?:create|new|establish|destroy|invalidate|revoke|renew|refresh|rotate|regenerate|cycle|expire|purge|terminate|delete|clear|validate|verify|check|extract|require|get|get_?server)_?(?:\\w+?_?)?(?:session|sessions|session_?id)|(?:has|check|require|enforce|verify|authori[sz]e|can|assert)_?(?:\\w+?_?)?(?:permission|permissions|role|roles|access|scope|scopes|privilege|privileges|admin|owner|ownership|membership|capability|capabilities|acl|policy)|ensure_?(?:\\w+?_?)?(?:permission|permissions|access|admin|owner|ownership|authenticated|logged_?in|auth)|can|cannot|is_?allowed|is_?permitted|is_?(?:admin|superuser|super_?admin|staff|owner|authenticated|authori[sz]ed|logged_?in|signed_?in|permitted)|(?:can|may)_?(?:access|manage|administer|edit|delete|modify|view|impersonate)(?:_?\\w+)?|(?:verify|validate|authenticate)_?(?:\\w+?_?)?(?:api_?key|webhook|claims|credentials?|identity|origin|user)s?|can_?activate|forgot_?password\\w*|reset_?password\\w*|request_?password_?reset\\w*|(?-i:(?:Protected|Private|Admin|Auth|Authenticated|Guarded|Secure|Owner|Staff)(?:Route|Routes|Outlet)|\\w*(?:Admin|Auth|Owner|Staff|Members?)Only)|(?:\\w*_)?(?:auth|authn|authz|authenticate[ds]?|authentication|authori[sz]e[ds]?|authori[sz]ation|unauthori[sz]ed|unauthenticated|oauth2?|oidc|saml|sso|mfa|totp|otp|two_?factor|2fa|webauthn|passkey|csrf|xsrf|jwt|log_?in|log_?out|sign_?in|sign_?out|sign_?up|impersonate|reauthenticate)(?:_\\w*)?|(?-i:(?:auth|authn|authz|authenticate|authenticated|authentication|authorize|authorise|authorized|authorization|unauthorized|unauthenticated|oauth|oauth2|oidc|saml|sso|mfa|totp|otp|twoFactor|webauthn|passkey|csrf|xsrf|jwt|login|logout|logIn|logOut|signin|signout|signIn|signOut|signup|signUp|impersonate|reauthenticate)[A-Z0-9_]\\w*|(?:Auth|Authn|Authz|Authenticated|Authentication|Authorization|Jwt|JWT|OAuth|Oauth|Oidc|OIDC|Saml|SAML|Sso|SSO|Mfa|MFA|Totp|Csrf|CSRF|Login|Logout|SignIn|SignOut|SignUp|Passport)[A-Z0-9_]\\w*|\\w*[a-z0-9_](?:Auth|Authn|Authz|Authenticate|Authenticated|Authentication|Authorize|Authorise|Authorized|Authorization|Unauthorized|Unauthenticated|OAuth|OAuth2|Oauth|Oidc|OIDC|Saml|SAML|Sso|SSO|Mfa|MFA|Totp|TOTP|Otp|OTP|TwoFactor|2fa|2FA|WebAuthn|Webauthn|Passkey|Csrf|CSRF|Xsrf|XSRF|Jwt|JWT|Login|Logout|LogIn|LogOut|SignIn|SignOut|SignUp|Impersonate|Reauthenticate)(?:[A-Z0-9_]\\w*)?|\\w*(?:Admin|Role|Roles|Permission|Permissions|Acl|ACL|Rbac|RBAC)(?:Guard|Middleware)))\\b")
 (#not-match? @risk.auth "(?-u)(?i)^(?:@[^\\n]*\\n\\s*)*(?:export\\s+)?(?:default\\s+)?(?:abstract\\s+)?class\\s+\\w*(?:Form|Page|Button|Modal|Dialog|View|Screen|Component|Link|Props|Layout|Card|Icon|Container|Section|Header|Footer|Menu|Wrapper|Styles?|Tests?|Spec|Mocks?|Fixtures?|Story|Stories|Text|Label|Message|Error|Exception|Schema|Types?|Dto|DTO|Event|Module)\\b"))
; The auth APIs where they act: jsonwebtoken and jose sign / verify, bcrypt and argon2
; comparisons, passport strategies and `authenticate`, Firebase Admin, Supabase and Auth.js
; (`getServerSession`), express-jwt, Clerk, Auth0, CSRF middleware, server-side session calls
; (`req.session.regenerate()`, `req.logout()`). Calls to the application's own helpers
; (`requireAdmin()`, `login(email, password)`) are not: the helper is the hotspot where it is
; defined.
(call_expression
  function: (_) @f
  (#match? @f "(?-u)(?:^(?:verifyIdToken|verifySessionCookie|createSessionCookie|createCustomToken|revokeRefreshTokens|signInWith\\w+|createUserWithEmailAndPassword|sendPasswordResetEmail|confirmPasswordReset|updatePassword|reauthenticateWithCredential|jwtVerify|jwtDecrypt|decodeJwt|jwtDecode|jwt_decode|decodeProtectedHeader|createRemoteJWKSet|expressjwt|expressJwt|requiresAuth|clerkMiddleware|authMiddleware|withApiAuthRequired|withPageAuthRequired|withMiddlewareAuthRequired|csrf|csurf|doubleCsrf|lusca|getServerSession|unstable_getServerSession|getIronSession|withIronSession\\w*|ironSession|expressSession|cookieSession|basicAuth|expressBasicAuth|NextAuth|Credentials|CredentialsProvider|lucia|betterAuth|createAuthClient|(?:Email|Google|GitHub|Github|Facebook|Twitter|Auth0|Okta|Cognito|AzureAD\\w*|Apple|Discord|Keycloak|Slack|GitLab|Gitlab|LinkedIn|Linkedin)Provider|auth)|\\.\\s*(?:verifyIdToken|verifySessionCookie|createSessionCookie|createCustomToken|revokeRefreshTokens|signInWith\\w+|createUserWithEmailAndPassword|sendPasswordResetEmail|confirmPasswordReset|updatePassword|reauthenticateWithCredential|jwtVerify|jwtDecrypt|decodeJwt|jwtDecode|jwt_decode|decodeProtectedHeader|createRemoteJWKSet|expressjwt|expressJwt|requiresAuth|clerkMiddleware|authMiddleware|withApiAuthRequired|withPageAuthRequired|withMiddlewareAuthRequired|csrf|csurf|doubleCsrf|lusca|getServerSession|unstable_getServerSession|getIronSession|withIronSession\\w*|ironSession|expressSession|cookieSession|basicAuth|expressBasicAuth|NextAuth|Credentials|CredentialsProvider|lucia|betterAuth|createAuthClient|(?:Email|Google|GitHub|Github|Facebook|Twitter|Auth0|Okta|Cognito|AzureAD\\w*|Apple|Discord|Keycloak|Slack|GitLab|Gitlab|LinkedIn|Linkedin)Provider)|^(?:jwt|jsonwebtoken|JWT|jose|jws|JsonWebToken)\\s*\\.\\s*(?:verify|sign|decode|jwtVerify|jwtDecrypt|decodeJwt|decodeProtectedHeader|compactVerify|generalVerify|flattenedVerify)|(?i:(?:^|\\.)\\s*(?:jwt|jws|jose|token|oauth2?)_?(?:service|verifier|validator|manager|provider|helper|utils?|client|lib|strategy)?\\s*\\.\\s*(?:verify|verifyasync|sign|signasync|decode|introspect|revoke|refresh|issue))|^(?:bcrypt|bcryptjs|argon2|argon|Bcrypt)\\s*\\.\\s*(?:compare|compareSync|verify)|^passport\\s*\\.\\s*(?:authenticate|authorize|use)|^(?:authenticator|totp|hotp|speakeasy|otplib|twoFactor)\\s*\\.\\s*[\\w$]+|(?:^|\\.)\\s*session\\s*\\??\\.\\s*(?:destroy|regenerate|save|reload|touch|invalidate|login|logout)|^(?:req|request|ctx|c)\\s*\\.\\s*(?:login|logIn|logout|logOut)|(?:^|\\.)\\s*auth\\s*\\.\\s*(?:signUp|signIn\\w*|signOut|updateUser|exchangeCodeForSession|verifyOtp|resetPasswordForEmail|setSession|admin\\s*\\.\\s*\\w+))$")) @risk.auth
; Session and token cookies, and tokens kept in browser storage: `res.cookie('token', ..)`,
; `cookies().set('session', ..)`, `localStorage.setItem('accessToken', ..)`, `session({ secret, .. })`;
; routes guarded by auth middleware: `app.get('/admin', rateLimit, requireAuth, handler)`.
(call_expression
  function: (_) @f
  (#match? @f "(?-u)(?:^(?:session|sessions|serialize|setCookie|getCookie|deleteCookie)|(?i:cookies?\\w*\\s*(?:\\(\\s*\\))?\\s*\\.\\s*(?:set|get|delete|remove))|\\.\\s*(?:cookie|clearCookie|setCookie)|^(?:window\\s*\\.\\s*)?(?:localStorage|sessionStorage|AsyncStorage|SecureStore)\\s*\\.\\s*(?:getItem|removeItem|getItemAsync|deleteItemAsync)|^(?:app|router|server|fastify|routes|route|admin|adminRouter|[\\w$]+Router|[\\w$]+Routes|[\\w$]+App|hono|v\\d)\\s*\\.\\s*(?:get|post|put|patch|delete|del|all|use|options|head|route|any|basePath|mount|on))$")
  (#match? @risk.auth "(?-u)^(?:[\\w$.?\\s]|\\([^()]*\\))*?(?:^(?:session|sessions|serialize|setCookie|getCookie|deleteCookie)|\\.\\s*(?:set|get|delete|remove|cookie|clearCookie|setCookie|getItem|removeItem|getItemAsync|deleteItemAsync))\\s*(?:<[^()]*>)?\\s*\\(\\s*(?:[\\'\"`][^\\'\"`]*(?i:sess|\\bsid\\b|auth|token|jwt|login|remember|identity|csrf|xsrf|refresh|credential|api_?key|password)|[\\w$.]*(?i:token|jwt|auth|session|api_?key)|\\{)|^(?:app|router|server|fastify|routes|route|admin|adminRouter|[\\w$]+Router|[\\w$]+Routes|[\\w$]+App|hono|v\\d)\\s*\\.\\s*(?:get|post|put|patch|delete|del|all|use|options|head|route|any|basePath|mount|on)\\s*\\(\\s*(?:[^,()]+|[\\w$.]+\\([^()]*\\))\\s*,\\s*(?:[\\w$.]+(?:\\([^()]*\\))?\\s*,\\s*)*(?i:(?:[\\w$]+\\s*\\.\\s*)?(?:require_?auth\\w*|auth|authn|authz|authenticate[d]?|authori[sz]e[d]?|auth_?(?:middleware|guard|check|handler|required|hook)|is_?authenticated|is_?logged_?in|ensure_?(?:authenticated|logged_?in|auth|admin)|check_?(?:auth|jwt|token|role|roles|permission|permissions|admin)|verify_?(?:token|jwt|auth|session|api_?key)|jwt_?(?:check|auth|middleware|guard)|require_?(?:admin|role|roles|permission|permissions|user|login|session)|is_?admin|admin_?only|protect|protected|csrf_?protection|csrf|session_?middleware|rbac|acl|restrict|restricted|login_?required|requires?_?login))(?:\\([^()]*\\))?\\s*[,)]")) @risk.auth
; Tokens and credentials kept in browser storage: `localStorage.setItem('access_token', t)`.
((call_expression) @risk.auth @risk.secrets
 (#match? @risk.auth "(?-u)^(?:window\\s*\\.\\s*)?(?:localStorage|sessionStorage|AsyncStorage|SecureStore)\\s*\\.\\s*(?:setItem|setItemAsync)\\s*\\(\\s*(?:[\\'\"`][^\\'\"`]*(?i:token|jwt|auth|session|credential|refresh|api_?key|password|secret)|[\\w$.]*(?i:token|jwt|auth|session|api_?key))"))
; Credentials read from a request: the Authorization header, `Bearer ` prefixes.
((member_expression) @risk.auth
 (#match? @risk.auth "(?-u)(?:^|\\.)\\s*headers\\s*\\??\\.\\s*(?:authorization|Authorization|cookie)$"))
((subscript_expression) @risk.auth
 (#match? @risk.auth "(?-u)(?:^|\\.)\\s*headers\\s*\\??\\.?\\s*\\[\\s*[\\'\"](?i:authorization|proxy-authorization|x-api-key|api-key|x-auth-token|x-access-token|cookie)[\\'\"]\\s*\\]$"))
((call_expression) @risk.auth
 (#match? @risk.auth "(?-u)^[\\w$.?()\\[\\]]*\\.\\s*(?:get|header|getHeader)\\s*\\(\\s*[\\'\"](?i:authorization|proxy-authorization|x-api-key|api-key|x-auth-token|x-access-token)[\\'\"]\\s*\\)$"))
((call_expression) @risk.auth
 (#match? @risk.auth "(?-u)^[\\w$.?()\\[\\]]*\\.\\s*(?:startsWith|replace|split|slice|substring|match)\\s*\\(\\s*(?:[\\'\"](?:Bearer|Basic|Token|Digest) ?[\\'\"]|/\\^?(?:Bearer|Basic|Token)\\b)[^()]*\\)$"))
; Access decisions where they guard an action: an `if` on a role, an owner, an admin flag, a
; permission or scope check, a compared credential or a missing session
; (`if (req.user.role !== 'admin') return res.sendStatus(403)`). The same expressions in JSX that
; only show or hide a link are not guards; chat messages' and ARIA roles are not access control.
((if_statement
  condition: (parenthesized_expression) @cond
  (#match? @cond "(?-u)(?:^|[.\\s(!&|])(?:role|roles|userRole|user_role|accessLevel|access_level|permissionLevel)\\s*(?:===|!==|==|!=)|(?:===|!==|==|!=)\\s*(?:[\\w$]+\\s*\\??\\.\\s*)*(?:role|userRole|ownerId|owner_id|authorId|author_id|createdBy|created_by|tenantId|tenant_id|orgId|org_id)\\b|(?:ownerId|owner_id|authorId|author_id|createdBy|created_by|tenantId|tenant_id|orgId|org_id)\\s*(?:===|!==|==|!=)|\\.\\s*(?:isAdmin|is_admin|isSuperuser|is_superuser|isSuperAdmin|isStaff|is_staff|isAuthenticated|emailVerified|email_verified|mfaEnabled)\\b|(?:roles|userRoles|permissions|userPermissions|scopes|scope|grants|privileges|allowedRoles|requiredRoles|requiredPermissions)\\s*\\??\\.\\s*(?:includes|has|some|every|indexOf)\\s*\\(|(?i:\\b(?:has|check|is)_?\\w*?(?:role|roles|permission|permissions|access|scope|admin|owner|authenticated|authorized|logged_?in))\\s*\\(|\\b(?:can|cannot|authorize|isAllowed|isPermitted)\\s*\\(|(?i:password|passwd|api_?key|apikey|secret|signature|\\btoken|authorization|otp)\\w*\\s*(?:===|!==|==|!=)|(?:===|!==|==|!=)\\s*[`\\'\"](?:Bearer|Basic|Token) |!\\s*(?:await\\s+)?(?:(?:req|request|ctx|context)\\s*\\.\\s*)?(?:session|isAuthenticated\\s*\\(\\s*\\))\\b(?:\\s*[)|&?]|$)|!\\s*(?:req|request|ctx\\s*\\.\\s*state|context)\\s*\\.\\s*user\\b")
  (#not-match? @cond "(?-u)(?:msg|message|m|turn|chunk|delta|part|el|element|node)\\s*\\??\\.\\s*role\\b|(?:===|!==|==|!=)\\s*[\\'\"](?:assistant|system|tool|function|model|developer|button|link|dialog|alertdialog|alert|tab|tabpanel|menu|menuitem|presentation|img|option|checkbox|radio|navigation|region|status|tooltip|heading|row|cell|grid|none)[\\'\"]|(?i:confirm\\w*|repeat\\w*|(?:next|peek|current|last|prev|page|cursor|cancel)_?token)")) @risk.auth
 (#not-match? @risk.auth "(?-u)^if\\s*\\([\\s\\S]*?\\)\\s*(?:\\{\\s*)?return\\s+(?:null\\b|<|\\(\\s*<)"))
; Writing the session: `req.session.userId = user.id`, `req.session = null`.
((assignment_expression) @risk.auth
 (#match? @risk.auth "(?-u)^(?:(?:[\\w$]+\\s*\\.\\s*)*session\\s*\\.\\s*[\\w$]+|(?:req|request|ctx)\\s*\\.\\s*session)\\s*=[^=]"))
; Routes opened to anonymous users: `SetMetadata('isPublic', true)`, a list of public paths.
((call_expression) @risk.auth
 (#match? @risk.auth "(?-u)^SetMetadata\\s*\\(\\s*(?:['\\\"](?i:is_?public|public|skip_?auth|allow_?anonymous|no_?auth)['\\\"]|IS_PUBLIC\\w*|PUBLIC\\w*)\\s*,"))
(variable_declarator
  name: (identifier) @name
  (#match? @name "(?-u)(?i)^(?:public|unauthenticated|anonymous|unprotected|open|whitelisted|allowlisted|ignored|excluded|skip_?auth|no_?auth)_?(?:paths|routes|urls|endpoints|pages|patterns)$")
  value: [(array) (new_expression)]) @risk.auth
; NestJS and routing-controllers guards and role decorators.
((decorator) @risk.auth
 (#match? @risk.auth "(?-u)^@\\s*(?:UseGuards|Roles|Public|SetMetadata|Authorized|RequirePermissions|Permissions|RequireRoles|AllowAnonymous|SkipAuth|Auth|Authenticated|CurrentUser|RequireAuth|Scopes|HasRole|HasPermission|PreAuthorize)\\b"))
; Middleware handed to `app.use(..)` or a route under an auth name: `app.use(requireAuth)`,
; `router.use('/admin', requireAdmin)`.
([
  (arguments . [(identifier) (member_expression)] @risk.auth)
  (arguments . [(string) (template_string) (identifier) (member_expression)] . [(identifier) (member_expression)] @risk.auth)
 ]
 (#match? @risk.auth "(?-u)(?i)^(?:[\\w$]+\\s*\\.\\s*)?(?:require_?auth\\w*|auth|authn|authz|authenticate[d]?|authori[sz]e[d]?|auth_?(?:middleware|guard|check|handler|required|hook)|is_?authenticated|is_?logged_?in|ensure_?(?:authenticated|logged_?in|auth|admin)|check_?(?:auth|jwt|token|role|roles|permission|permissions|admin)|verify_?(?:token|jwt|auth|session|api_?key)|jwt_?(?:check|auth|middleware|guard)|require_?(?:admin|role|roles|permission|permissions|user|login|session)|is_?admin|admin_?only|protect|protected|csrf_?protection|csrf|session_?middleware|rbac|acl|restrict|restricted|login_?required|requires?_?login)$"))
; passport strategies, NextAuth / Auth.js providers and configuration.
((new_expression) @risk.auth
 (#match? @risk.auth "(?-u)^new\\s+(?:[\\w$]+\\s*\\.\\s*)*(?:(?:Local|Jwt|JWT|Bearer|Basic|Digest|Google|GoogleOAuth2|GitHub|Github|Facebook|Twitter|OAuth2?|OIDC|Oidc|OpenID|OpenIDConnect|Saml|SAML|MultiSaml|Auth0|Azure\\w*|Microsoft|Apple|Passport|Custom|HeaderAPIKey|ApiKey|Anonymous|Cookie|Session|Magic\\w*|Ldap|LDAP|WebAuthn|Okta|Keycloak|Cognito)Strategy|SignJWT|EncryptJWT|UnsecuredJWT|CompactSign|OAuth2Client|OAuth2Server|JwtService|AuthenticationClient|ConfidentialClientApplication|PublicClientApplication)\\s*(?:<[^()]*>)?\\s*(?:\\(|$)"))
(pair
  key: (property_identifier) @k (#any-of? @k "callbacks" "cookie" "cookies" "cookieOptions" "sessionCookie" "jwt" "pages")
  value: (object)) @risk.auth
(variable_declarator
  name: (identifier) @name
  (#match? @name "(?-u)(?i)^(?:next_?auth|auth|session|passport|jwt|oauth2?|cookie|iron_?session|csrf|lucia|clerk)_?(?:options|config|configuration|settings|opts)$")
  value: (object)) @risk.auth
; JWT and cookie options: an algorithm list that admits `none`, expiry checks switched off,
; lifetimes, audiences and issuers, cookies readable from scripts or sent cross-site.
(pair
  key: (property_identifier) @k (#any-of? @k "algorithms" "algorithm" "alg")
  value: [(string) (array)] @v
  (#match? @v "(?-u)(?i)[\\'\\\"]none[\\'\\\"]")) @risk.auth @risk.crypto
(pair
  key: (property_identifier) @k
  (#any-of? @k "ignoreExpiration" "ignoreNotBefore" "clockTolerance" "clockTimestamp" "expiresIn" "notBefore" "maxTokenAge" "audience" "issuer" "credentialsRequired" "requestProperty" "isRevoked" "httpOnly" "sameSite" "maxAge" "csrf" "csrfProtection" "checkOrigin")) @risk.auth
; Credentials sent with requests from the browser: `credentials: 'include'`, `withCredentials: true`.
(pair
  key: (property_identifier) @k (#eq? @k "credentials")
  value: (string) @v (#match? @v "^.include.$")) @risk.auth
(pair
  key: (property_identifier) @k (#eq? @k "withCredentials")
  value: (true)) @risk.auth

; =====================================================================================================
; iam: roles, policies, grants, RBAC, privilege changes, service accounts
; =====================================================================================================

; Functions that grant, revoke or change roles, permissions and policies.
([
  (function_declaration name: (identifier) @name)
  (generator_function_declaration name: (identifier) @name)
  (variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression)])
  (pair key: (property_identifier) @name value: [(arrow_function) (function_expression)])
 ] @risk.iam
 (#match? @name "(?-u)(?i)^(?:(?:grant|assign|add|revoke|remove|attach|detach|set|update|change|create|delete|put|give|promote|demote|elevate|escalate|bind|unbind|sync)_?(?:\\w+?_?)?(?:role|roles|permission|permissions|privilege|privileges|grant|grants|acl|acls|role_?binding|role_?bindings|admin|superuser|membership)(?:_?(?:to|from|for)_?\\w+)?|(?:grant|assign|add|revoke|remove|attach|detach|set|update|change|create|delete|put)_?(?:\\w+?_?)?polic(?:y|ies)|(?:make|promote)_?(?:\\w+?_?)?(?:admin|superuser|owner)|ensure_?(?:\\w+?_?)?(?:role|roles|polic(?:y|ies)|service_?account|role_?binding)|(?:promote|demote)_?(?:\\w+?_?)?(?:user|users|member|members|account|accounts|to_?\\w+)|assume_?role|impersonate_?role|define_?abilit(?:y|ies)(?:_?for)?|define_?(?:permissions|rules|roles)(?:_?for)?|(?-i:grant(?:[A-Z_]\\w*)?))$")
 (#not-match? @name "(?-u)^(?i:\\w*(?:retry|backoff|cache|evict|timeout|restart|retention|compaction|lifecycle|cors|csp|referrer|redirect|schedul|balanc|password_?polic|privacy|cookie|content_?security|security_?headers|scaling|backup|log|alert|escalation|refund|return|cancellation|shipping|pricing|rate_?limit)\\w*)$"))
((method_definition) @risk.iam
 (#match? @risk.iam "(?-u)(?i)^(?:@[^\\n]*\\n\\s*)*(?:(?:static|async|get|set|public|private|protected|override|readonly|abstract|accessor)\\s+)*\\*?\\s*(?:(?:grant|assign|add|revoke|remove|attach|detach|set|update|change|create|delete|put|give|promote|demote|elevate|escalate|bind|unbind|sync)_?(?:\\w+?_?)?(?:role|roles|permission|permissions|privilege|privileges|grant|grants|acl|acls|role_?binding|role_?bindings|admin|superuser|membership)(?:_?(?:to|from|for)_?\\w+)?|(?:grant|assign|add|revoke|remove|attach|detach|set|update|change|create|delete|put)_?(?:\\w+?_?)?polic(?:y|ies)|(?:make|promote)_?(?:\\w+?_?)?(?:admin|superuser|owner)|ensure_?(?:\\w+?_?)?(?:role|roles|polic(?:y|ies)|service_?account|role_?binding)|(?:promote|demote)_?(?:\\w+?_?)?(?:user|users|member|members|account|accounts|to_?\\w+)|assume_?role|impersonate_?role|define_?abilit(?:y|ies)(?:_?for)?|define_?(?:permissions|rules|roles)(?:_?for)?|(?-i:grant(?:[A-Z_]\\w*)?))\\s*[(<]")
 (#not-match? @risk.iam "(?-u)(?i)^(?:@[^\\n]*\\n\\s*)*(?:(?:static|async|get|set|public|private|protected|override|readonly|abstract|accessor)\\s+)*\\*?\\s*(?i:\\w*(?:retry|backoff|cache|evict|timeout|restart|retention|compaction|lifecycle|cors|csp|referrer|redirect|schedul|balanc|password_?polic|privacy|cookie|content_?security|security_?headers|scaling|backup|log|alert|escalation|refund|return|cancellation|shipping|pricing|rate_?limit)\\w*)\\s*[(<]"))
; IAM through SDK v2 clients, GCP, Azure, Kubernetes RBAC, CDK grants and application RBAC:
; `iam.createRole(..)`, `crm.projects.setIamPolicy(..)`, `rbacApi.createClusterRoleBinding(..)`,
; `bucket.grantReadWrite(fn)`, `userService.assignRole(..)`, casl's `can('manage', 'all')`, file modes.
; `setRole(..)` without a receiver is React state and does not match.
(call_expression
  function: (_) @f
  (#match? @f "(?-u)(?:^(?:(?i:(?:create|delete|update|attach|detach|put|add|remove|upload|tag|untag)(?:role|rolepolicy|userpolicy|grouppolicy|policy|policyversion|defaultpolicyversion|usertogroup|userfromgroup|roletoinstanceprofile|rolefrominstanceprofile|instanceprofile|servicelinkedrole|accesskey|loginprofile|assumerolepolicy|rolepermissionsboundary|userpermissionsboundary|openidconnectprovider|samlprovider)|assumerole(?:withwebidentity|withsaml)?|putbucketpolicy|deletebucketpolicy|putbucketacl|putobjectacl|putpublicaccessblock|deletepublicaccessblock|putkeypolicy|creategrant|revokegrant|addpermission|removepermission|setiampolicy|createserviceaccount|deleteserviceaccount|createserviceaccountkey|enableserviceaccount|disableserviceaccount|adminaddusertogroup|adminremoveuserfromgroup|makepublic|makeprivate|addtopolicy|addtorolepolicy|addtoprincipalpolicy|addtoresourcepolicy|addmanagedpolicy|attachinlinepolicy|attachtorole|fromawsmanagedpolicyname|frommanagedpolicyarn|frommanagedpolicyname|withoutpolicyupdates|addstatements|grantprincipal|defineability|defineabilityfor|defineabilitiesfor|definerulesfor|createmongoability|setcustomuserclaims|(?:create|replace|patch|delete)(?:namespaced)?(?:cluster)?role(?:binding)?|(?:create|replace|patch|delete)namespacedserviceaccount|(?:grant|assign|add|revoke|remove|attach|detach|give|promote|demote|elevate|escalate|bind|unbind)_?(?:\\w+?_?)?(?:role|roles|permission|permissions|privilege|privileges|grant|grants|acl|acls|rolebinding|rolebindings|superuser|membership)(?:_?(?:to|from|for)_?\\w+)?|(?:make|promote)_?(?:\\w+?_?)?(?:admin|superuser|owner)|assume_?role)|(?-i:grant|chmod|chmodSync|chown|chownSync))|\\.\\s*(?i:(?:create|delete|update|attach|detach|put|add|remove|upload|tag|untag)(?:role|rolepolicy|userpolicy|grouppolicy|policy|policyversion|defaultpolicyversion|usertogroup|userfromgroup|roletoinstanceprofile|rolefrominstanceprofile|instanceprofile|servicelinkedrole|accesskey|loginprofile|assumerolepolicy|rolepermissionsboundary|userpermissionsboundary|openidconnectprovider|samlprovider)|assumerole(?:withwebidentity|withsaml)?|putbucketpolicy|deletebucketpolicy|putbucketacl|putobjectacl|putpublicaccessblock|deletepublicaccessblock|putkeypolicy|creategrant|revokegrant|addpermission|removepermission|setiampolicy|createserviceaccount|deleteserviceaccount|createserviceaccountkey|enableserviceaccount|disableserviceaccount|adminaddusertogroup|adminremoveuserfromgroup|makepublic|makeprivate|addtopolicy|addtorolepolicy|addtoprincipalpolicy|addtoresourcepolicy|addmanagedpolicy|attachinlinepolicy|attachtorole|fromawsmanagedpolicyname|frommanagedpolicyarn|frommanagedpolicyname|withoutpolicyupdates|addstatements|grantprincipal|defineability|defineabilityfor|defineabilitiesfor|definerulesfor|createmongoability|setcustomuserclaims|(?:create|replace|patch|delete)(?:namespaced)?(?:cluster)?role(?:binding)?|(?:create|replace|patch|delete)namespacedserviceaccount|(?:grant|assign|add|revoke|remove|attach|detach|give|promote|demote|elevate|escalate|bind|unbind)_?(?:\\w+?_?)?(?:role|roles|permission|permissions|privilege|privileges|grant|grants|acl|acls|rolebinding|rolebindings|superuser|membership)(?:_?(?:to|from|for)_?\\w+)?|(?:make|promote)_?(?:\\w+?_?)?(?:admin|superuser|owner)|assume_?role|setrole|setroles|setpermissions|setuserrole|setuserroles|updaterole|updateroles|updatepermissions|updateuserrole)|\\.\\s*(?-i:grant(?:[A-Z]\\w*)?)|(?i:(?:iam\\w*|identity)\\s*\\.\\s*(?:create|delete|update)(?:user|group|users|groups))|(?i:\\biam\\s*\\.\\s*(?:setpolicy|setiampolicy))|\\bacl\\s*\\.\\s*(?:[\\w$]+\\s*\\.\\s*)?(?:add|delete|update|addUser|addAllUsers|addAllAuthenticatedUsers|addGroup|addDomain|addProject)|serviceAccounts\\s*\\.\\s*(?:[\\w$]+\\s*\\.\\s*)?(?:create|delete|patch|undelete|enable|disable|setIamPolicy)|role(?:Assignments|Definitions)\\s*\\.\\s*(?:create\\w*|delete\\w*|update\\w*|beginCreate\\w*)|(?:^|\\.)\\s*(?:PolicyDocument|PolicyStatement)\\s*\\.\\s*fromJson|\\.\\s*(?:chmod|chmodSync|lchmod|lchmodSync|fchmod|fchmodSync|chown|chownSync|lchown|lchownSync|fchown|fchownSync)|^process\\s*\\.\\s*(?:setuid|setgid|seteuid|setegid|setgroups|initgroups))$")) @risk.iam
; AWS SDK v3 commands that change IAM, STS, bucket and key policies, grants, Cognito groups and
; Identity Center; CDK principals and statements; Pulumi attachments; GCP and Azure bindings;
; casl and accesscontrol rules.
((new_expression) @risk.iam
 (#match? @risk.iam "(?-u)^new\\s+(?:[\\w$]+\\s*\\.\\s*)*(?:(?:Create|Delete|Update|Attach|Detach|Put|Add|Remove|Set|Upload|Tag|Untag|Change|Reset|Enable|Deactivate)(?:Role|RolePolicy|UserPolicy|GroupPolicy|Policy|PolicyVersion|DefaultPolicyVersion|User|Group|UserToGroup|UserFromGroup|RoleToInstanceProfile|RoleFromInstanceProfile|InstanceProfile|ServiceLinkedRole|AccessKey|LoginProfile|AssumeRolePolicy|RolePermissionsBoundary|UserPermissionsBoundary|OpenIDConnectProvider|SAMLProvider|RoleDescription|AccountPasswordPolicy|SSHPublicKey|ServiceSpecificCredential|MFADevice|VirtualMFADevice|PermissionSet|AccountAssignment|ManagedPolicyToPermissionSet|InlinePolicyToPermissionSet)Command|AssumeRole(?:WithWebIdentity|WithSAML)?Command|GetFederationTokenCommand|(?:PutBucketPolicy|DeleteBucketPolicy|PutBucketAcl|PutObjectAcl|PutPublicAccessBlock|DeletePublicAccessBlock|PutBucketOwnershipControls|PutKeyPolicy|CreateGrant|RevokeGrant|RetireGrant|PutResourcePolicy|DeleteResourcePolicy|SetRepositoryPolicy|PutRegistryPolicy|AddPermission|RemovePermission|AddLayerVersionPermission|AdminAddUserToGroup|AdminRemoveUserFromGroup|AdminCreateUser|AdminDeleteUser|AdminSetUserPassword|AdminUpdateUserAttributes|ModifyDBSnapshotAttribute|ModifySnapshotAttribute|ModifyImageAttribute)Command|PolicyStatement|ManagedPolicy|PolicyDocument|ServicePrincipal|ArnPrincipal|AccountPrincipal|AccountRootPrincipal|AnyPrincipal|CompositePrincipal|FederatedPrincipal|WebIdentityPrincipal|OpenIdConnectPrincipal|OrganizationPrincipal|CfnRole|CfnPolicy|CfnManagedPolicy|CfnUser|CfnGroup|CfnAccessKey|CfnInstanceProfile|LazyRole|RolePolicyAttachment|UserPolicyAttachment|GroupPolicyAttachment|ClusterRoleBinding|RoleBinding|ClusterRole|IAMMember|IAMBinding|IAMPolicy|\\w+IamMember|\\w+IamBinding|\\w+IamPolicy|RoleAssignment|RoleDefinition|AccessControl|AbilityBuilder|Ability|PureAbility|RoleManager|Enforcer)\\s*(?:<[^()]*>)?\\s*(?:\\(|$)"))
; CDK constructs imported by name, recognised by their `(this, 'Id', ..)` arguments: `new Role(this, 'TaskRole', ..)`.
((new_expression) @risk.iam
 (#match? @risk.iam "(?-u)^new\\s+(?:Role|User|Group|Policy|AccessKey|InstanceProfile|LazyRole)\\s*(?:<[^()]*>)?\\s*\\(\\s*this\\s*,"))
; Everything under an `iam` namespace: CDK `new iam.Role(this, ..)`, Pulumi `new aws.iam.Policy(..)`.
((new_expression) @risk.iam
 (#match? @risk.iam "(?-u)^new\\s+(?:[\\w$]+\\s*\\.\\s*)*iam\\s*\\.\\s*[\\w$]+\\s*(?:<[^()]*>)?\\s*(?:\\(|$)"))
; Policy documents built in code: the statement's Effect, Action, Resource and Principal, the
; document's Version; the same in JSON text; IAM and STS ARNs; SQL GRANT / REVOKE / CREATE ROLE.
(pair
  key: [(property_identifier) (string)] @k
  (#match? @k "(?-u)^[\\'\\\"]?(?:Effect|Action|NotAction|Resource|NotResource|Principal|NotPrincipal|Version)[\\'\\\"]?$")
  value: [(string) (array) (object)] @v
  (#match? @v "(?-u)^[\\'\\\"](?:Allow|Deny|2012-10-17|2008-10-17|\\*|arn:aws[\\w-]*:|[a-z0-9-]+:[\\w*]+)|^\\[\\s*[\\'\\\"](?:\\*|arn:|[a-z0-9-]+:[\\w*])|^\\{\\s*[\\'\\\"]?(?:AWS|Service|Federated|CanonicalUser)[\\'\\\"]?\\s*:")) @risk.iam
((string) @risk.iam
 (#match? @risk.iam "(?-u)\\\\?\\\"(?:Effect|Statement|Principal|NotPrincipal|NotAction)\\\\?\\\"\\s*:|^.arn:aws[\\w-]*:(?:iam|sts)::"))
([(string) (template_string)] @risk.iam
 (#match? @risk.iam "(?-u)(?m)(?:^|[\\'\\\"`;])\\s*(?:(?:grant|revoke)\\s+(?:select|insert|update|delete|all|usage|execute|connect|create|references|trigger|truncate|temporary)\\b[\\w\\s,]*\\s(?:on|to|from)\\s|create\\s+(?:role|user)\\s+\\w|alter\\s+(?:role|user)\\s+\\w|drop\\s+(?:role|user)\\s+\\w)|\\b(?:GRANT\\s+\\w+[\\s\\S]*\\s(?:ON|TO)\\s|REVOKE\\s+\\w+[\\s\\S]*\\s(?:ON|FROM)\\s|CREATE\\s+(?:ROLE|USER)|ALTER\\s+(?:ROLE|USER)|DROP\\s+(?:ROLE|USER))\\b"))
; Privilege changes written as data: `user.role = 'admin'`, `{ isAdmin: true }`,
; `prisma.user.update({ data: { role: 'ADMIN' } })`, `entity: 'allUsers'`.
(pair
  key: (property_identifier) @k (#any-of? @k "role" "roles" "userRole" "permissions" "scopes" "privileges" "accessLevel" "access_level" "entity" "member" "members" "customClaims")
  value: [(string) (member_expression) (array) (object)] @v
  (#match? @v "(?-u)(?i)admin|owner|superuser|root|moderator|maintainer|^(?:user)?roles?\\.|^permissions?\\.|allUsers|allAuthenticatedUsers|^\\{[^}]*\\b(?:role|admin)\\b")) @risk.iam
(pair
  key: (property_identifier) @k (#any-of? @k "data" "$set" "set" "update" "changes" "attributes" "values")
  value: (object) @v (#match? @v "(?-u)[{,]\\s*(?:role|roles|userRole|isAdmin|is_admin|isSuperuser|is_superuser|isSuperAdmin|isStaff|is_staff|permissions|scopes|privileges|accessLevel|access_level)\\s*:")) @risk.iam
; casl rules: `can('manage', 'all')`, `cannot('delete', 'Post')`; an application's own
; `can(user, 'billing:manage')` check is not a rule.
((call_expression) @risk.iam
 (#match? @risk.iam "(?-u)^(?:can|cannot)\\s*\\(\\s*['\\\"]"))
; Role-to-permission tables and access-control lists defined in code.
(variable_declarator
  name: (identifier) @name
  (#match? @name "(?-u)(?i)^\\w*roles?_?(?:permissions?|map|matrix|table|grants|abilities|scopes|rights|policies|hierarchy)$|^(?:permissions|scopes|grants|abilities)_?(?:by|per|for|of)_?roles?$|^(?:rbac|acl|access_?control|permission)_?(?:rules|policy|policies|config|map|matrix|table|list)?$")
  value: [(object) (array) (call_expression) (new_expression)]) @risk.iam
(pair
  key: (property_identifier) @k (#any-of? @k "isAdmin" "is_admin" "isSuperuser" "is_superuser" "isSuperAdmin" "isStaff" "is_staff")
  value: (true)) @risk.iam
((assignment_expression) @risk.iam
 (#match? @risk.iam "(?-u)^(?:[\\w$]+\\s*\\??\\.\\s*)+(?:role|roles|userRole|isAdmin|is_admin|isSuperuser|is_superuser|isSuperAdmin|isStaff|is_staff|permissions|scopes|privileges|accessLevel|access_level)\\s*=[^=]"))

; =====================================================================================================
; dns: name resolution, DNS records and zones, resolvers, TTLs, service discovery
; =====================================================================================================

; Functions that resolve names or manage records and zones.
([
  (function_declaration name: (identifier) @name)
  (generator_function_declaration name: (identifier) @name)
  (variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression)])
  (pair key: (property_identifier) @name value: [(arrow_function) (function_expression)])
 ] @risk.dns
 (#match? @name "(?-u)(?i)^(?:(?:\\w*_)?(?:dns|nameservers?|hosted_?zones?|dns_?records?|srv_?records?|cname|zone_?file)(?:_\\w*)?|(?-i:\\w*[a-z0-9_](?:Dns|DNS|Nameserver|Nameservers|HostedZone|HostedZones|SrvRecord|SrvRecords|Cname|CNAME|ZoneFile)(?:[A-Z0-9_]\\w*)?|(?:dns|nameserver|nameservers|hostedZone|cname)[A-Z0-9_]\\w*)|resolve_?(?:\\w+?_?)?(?:host|hostname|hostnames|addr|addrs|address|addresses|domain|srv|endpoint|peer|ip)s?|lookup_?(?:host|hostname|ip|addr|address|domain|srv|txt|mx)s?|reverse_?(?:dns|lookup)(?:_?\\w+)?)$"))
((method_definition) @risk.dns
 (#match? @risk.dns "(?-u)(?i)^(?:@[^\\n]*\\n\\s*)*(?:(?:static|async|get|set|public|private|protected|override|readonly|abstract|accessor)\\s+)*\\*?\\s*(?:(?:\\w*_)?(?:dns|nameservers?|hosted_?zones?|dns_?records?|srv_?records?|cname|zone_?file)(?:_\\w*)?|(?-i:\\w*[a-z0-9_](?:Dns|DNS|Nameserver|Nameservers|HostedZone|HostedZones|SrvRecord|SrvRecords|Cname|CNAME|ZoneFile)(?:[A-Z0-9_]\\w*)?|(?:dns|nameserver|nameservers|hostedZone|cname)[A-Z0-9_]\\w*)|resolve_?(?:\\w+?_?)?(?:host|hostname|hostnames|addr|addrs|address|addresses|domain|srv|endpoint|peer|ip)s?|lookup_?(?:host|hostname|ip|addr|address|domain|srv|txt|mx)s?|reverse_?(?:dns|lookup)(?:_?\\w+)?)\\s*[(<]"))
; Node's `dns` module and its resolvers (`dns.lookup(host)`, `dns.promises.resolveTxt(..)`,
; `resolver.setServers([..])`), Route 53 and Cloud Map through SDK v2, Cloudflare and Google Cloud
; DNS clients, CDK zone lookups, Consul. Names that are also ordinary words (`resolve`, `lookup`,
; `reverse`) count only on a DNS receiver: `Promise.resolve` and `path.resolve` do not match.
(call_expression
  function: (_) @f
  (#match? @f "(?-u)(?:^(?:resolve4|resolve6|resolveAny|resolveCaa|resolveCname|resolveMx|resolveNaptr|resolveNs|resolvePtr|resolveSoa|resolveSrv|resolveTxt|resolveTlsa|lookupService|setDefaultResultOrder|getDefaultResultOrder|changeResourceRecordSets|createHostedZone|deleteHostedZone|listResourceRecordSets|listHostedZones|listHostedZonesByName|discoverInstances|registerInstance|deregisterInstance|addRecords|deleteRecords|replaceRecords|createChange|createZone|createDnsRecord|updateDnsRecord|deleteDnsRecord|upsertRecord|upsertDnsRecord)|^(?:dns|dnsPromises|dns\\s*\\.\\s*promises|resolver|dnsResolver|customResolver|systemResolver|this\\s*\\.\\s*(?:dns)?[rR]esolver)\\s*\\.\\s*(?:lookup|lookupService|resolve|reverse|setServers|getServers|setLocalAddress|cancel|resolve4|resolve6|resolveAny|resolveCaa|resolveCname|resolveMx|resolveNaptr|resolveNs|resolvePtr|resolveSoa|resolveSrv|resolveTxt|resolveTlsa|lookupService|setDefaultResultOrder|getDefaultResultOrder|changeResourceRecordSets|createHostedZone|deleteHostedZone|listResourceRecordSets|listHostedZones|listHostedZonesByName|discoverInstances|registerInstance|deregisterInstance|addRecords|deleteRecords|replaceRecords|createChange|createZone|createDnsRecord|updateDnsRecord|deleteDnsRecord|upsertRecord|upsertDnsRecord)|\\.\\s*(?:resolve4|resolve6|resolveAny|resolveCaa|resolveCname|resolveMx|resolveNaptr|resolveNs|resolvePtr|resolveSoa|resolveSrv|resolveTxt|resolveTlsa|lookupService|setDefaultResultOrder|getDefaultResultOrder|changeResourceRecordSets|createHostedZone|deleteHostedZone|listResourceRecordSets|listHostedZones|listHostedZonesByName|discoverInstances|registerInstance|deregisterInstance|addRecords|deleteRecords|replaceRecords|createChange|createZone|createDnsRecord|updateDnsRecord|deleteDnsRecord|upsertRecord|upsertDnsRecord)|(?:^|\\.)\\s*(?:Public|Private)?HostedZone\\s*\\.\\s*(?:fromLookup|fromHostedZoneAttributes|fromHostedZoneId)|(?i:(?:dns_?records|dns\\s*\\.\\s*records|dns\\s*\\.\\s*zones|zones\\s*\\.\\s*dns_?records)\\s*\\.\\s*(?:add|edit|del|create|update|delete|list|browse|batch|import|export))|(?i:\\bzone\\s*\\.\\s*(?:record|createchange|addrecords|deleterecords|replacerecords|delete))|(?i:consul\\w*\\s*\\.\\s*(?:agent\\s*\\.\\s*service|catalog\\s*\\.\\s*service|catalog\\s*\\.\\s*node|health)\\s*\\.\\s*\\w+))$")) @risk.dns
; Resolvers, Route 53 / Cloud Map commands, CDK and Pulumi records and zones.
((new_expression) @risk.dns
 (#match? @risk.dns "(?-u)^new\\s+(?:[\\w$]+\\s*\\.\\s*)*(?:Resolver|DnsResolver|Eureka|Consul|(?:ChangeResourceRecordSets|CreateHostedZone|DeleteHostedZone|UpdateHostedZoneComment|AssociateVPCWithHostedZone|DisassociateVPCFromHostedZone|ListResourceRecordSets|ListHostedZones\\w*|GetHostedZone|EnableHostedZoneDNSSEC|DisableHostedZoneDNSSEC|CreateKeySigningKey|CreateResolverRule|AssociateResolverRule|UpdateResolverRule|CreateResolverEndpoint|UpdateResolverEndpoint|CreatePrivateDnsNamespace|CreatePublicDnsNamespace|CreateHttpNamespace|RegisterInstance|DeregisterInstance|DiscoverInstances|CreateHealthCheck|UpdateHealthCheck|DeleteHealthCheck|CreateTrafficPolicy\\w*)Command|(?:A|Aaaa|Cname|Txt|Mx|Ns|Srv|Caa|CaaAmazon|Ds|Https|Svcb|ZoneDelegation|CrossAccountZoneDelegation)Record|(?:Public|Private)?HostedZone|RecordSet|ARecordSet|DnsRecord|DnsZone|ManagedZone|DnsARecord|DnsCnameRecord|DnsTxtRecord)\\s*(?:<[^()]*>)?\\s*(?:\\(|$)"))
((new_expression) @risk.dns
 (#match? @risk.dns "(?-u)^new\\s+(?:[\\w$]+\\s*\\.\\s*)*(?:route53|dns|cloudflare|route53resolver|servicediscovery)\\s*\\.\\s*[\\w$]+\\s*(?:<[^()]*>)?\\s*(?:\\(|$)"))
; A `dns` function handed on: `promisify(dns.lookup)`; a custom `lookup` for sockets and agents.
([
  (arguments . [(identifier) (member_expression)] @risk.dns)
 ]
 (#match? @risk.dns "(?-u)^dns\\s*\\.\\s*(?:promises\\s*\\.\\s*)?[\\w$]+$"))
(pair
  key: (property_identifier) @k (#eq? @k "lookup")
  value: [(identifier) (member_expression) (arrow_function) (function_expression)]) @risk.dns
; Records as data: Route 53's upper-case `TTL` and record sets, `{ type: 'CNAME', .. }`.
(pair
  key: [(property_identifier) (string)] @k
  (#match? @k "(?-u)^[\\'\\\"]?(?:TTL|ResourceRecordSet|ResourceRecords|ChangeBatch|HostedZoneId|AliasTarget|RRType|SetIdentifier)[\\'\\\"]?$")) @risk.dns
(pair
  key: [(property_identifier) (string)] @k (#match? @k "(?-u)^[\\'\\\"]?(?:type|Type|recordType|record_type|rrtype|rrType)[\\'\\\"]?$")
  value: (string) @v (#match? @v "(?-u)^.(?:A|AAAA|CNAME|MX|TXT|SRV|NS|PTR|CAA|SOA|ALIAS|NAPTR|DS|HTTPS|SVCB|TLSA).$")) @risk.dns
; Resolver configuration files and DNS server addresses.
((string) @risk.dns
 (#match? @risk.dns "(?-u)^.(?:/etc/resolv\\.conf|/etc/hosts|/etc/nsswitch\\.conf|(?:\\d{1,3}\\.){3}\\d{1,3}:53|\\[[0-9a-fA-F:]+\\]:53).$"))

; =====================================================================================================
; config: configuration loading and defaults, feature flags, environment variables, timeouts,
; retries, limits
; =====================================================================================================

; Environment variables: `process.env.PORT`, `process.env['KEY']`, `const { A, B } = process.env`,
; `import.meta.env.VITE_API_URL`, `Deno.env.get('X')`, `Bun.env.X`. The variables npm sets for a
; script (`npm_package_version`) are not configuration.
((member_expression) @risk.config
 (#match? @risk.config "(?-u)^(?:process|import\\s*\\.\\s*meta|Bun)\\s*\\.\\s*env\\s*\\??\\.\\s*[\\w$]+$")
 (#not-match? @risk.config "(?-u)\\.\\s*npm_(?:package|config|lifecycle|execpath|node_execpath)_?\\w*$"))
((subscript_expression) @risk.config
 (#match? @risk.config "(?-u)^(?:process|import\\s*\\.\\s*meta|Bun)\\s*\\.\\s*env\\s*(?:\\?\\.)?\\s*\\["))
; The whole environment handed to a loader or validator: `EnvSchema.parse(process.env)`.
((arguments) @risk.config
 (#match? @risk.config "(?-u)^\\(\\s*(?:process|import\\s*\\.\\s*meta|Bun)\\s*\\.\\s*env\\s*[,)]"))
(variable_declarator
  name: (object_pattern)
  value: (member_expression) @v (#match? @v "(?-u)^(?:process|import\\s*\\.\\s*meta|Bun)\\s*\\.\\s*env$")) @risk.config
; .env files and configuration loaders (dotenv, node-config, nconf, convict, envalid, NestJS
; ConfigModule / ConfigService, cosmiconfig), rate limiters, and feature flags
; (LaunchDarkly, Unleash, GrowthBook, Statsig, PostHog, Split, OpenFeature).
(call_expression
  function: (_) @f
  (#match? @f "(?-u)(?:^(?:convict|cleanEnv|loadEnvConfig|cosmiconfig|cosmiconfigSync|loadConfig|readConfig|parseConfig|loadSettings|readSettings|getConfig|registerAs|createEnv|loadEnv|loadEnvFile|rateLimit|RateLimit|slowDown|expressRateLimit|rateLimiter|pLimit|isFeatureEnabled|featureEnabled|isFlagEnabled|flagEnabled|boolVariation|stringVariation|jsonVariation|numberVariation|variationDetail|getFeatureFlag|getFeatureFlagPayload|useFeatureFlag|useFeatureFlagEnabled|useFeatureFlagVariantKey|useFlag|useFlags|useFeature|useFeatureIsOn|useFeatureValue|useGate|checkGate|getFeatureValue|getTreatment|getTreatments|evaluateFlag|getBooleanValue|getStringValue|getNumberValue|getObjectValue|isFeatureOn)|^(?:dotenv|dotenvExpand|dotenvFlow|dotenvx)\\s*\\.\\s*(?:config|configDotenv|parse|populate|expand)|^require\\s*\\(\\s*[\\'\"](?:dotenv|dotenv-expand|dotenv-flow)[\\'\"]\\s*\\)\\s*\\.\\s*(?:config|expand)|(?i:(?:^|\\.)\\s*(?:config|conf|nconf|app_?config|config_?service|settings)\\s*\\.\\s*(?:get|getorthrow|has|set|util|load|loadfile|validate|file|argv|env|defaults|overrides|required|use))|(?:^|\\.)\\s*(?:ConfigModule|ThrottlerModule)\\s*\\.\\s*(?:forRoot|forFeature|forRootAsync)|(?i:(?:^|\\.)\\s*(?:ld|ld_?client|launch_?darkly\\w*|unleash\\w*|flags?|features?|feature_?flags|growthbook|gb|statsig|posthog|split_?client|optimizely\\w*|open_?feature\\w*|feature_?client|flag_?client|ff|toggles?)\\s*\\.\\s*(?:isenabled|variation|ison|isoff|getvariant|getflag|evaluate|checkgate|getvalue|getfeature))|\\.\\s*(?:isFeatureEnabled|featureEnabled|isFlagEnabled|flagEnabled|boolVariation|stringVariation|jsonVariation|numberVariation|variationDetail|getFeatureFlag|getFeatureFlagPayload|useFeatureFlag|useFeatureFlagEnabled|useFeatureFlagVariantKey|useFlag|useFlags|useFeature|useFeatureIsOn|useFeatureValue|useGate|checkGate|getFeatureValue|getTreatment|getTreatments|evaluateFlag|getBooleanValue|getStringValue|getNumberValue|getObjectValue|isFeatureOn)|^Deno\\s*\\.\\s*env\\s*\\.\\s*(?:get|set|delete|toObject))$")) @risk.config
; Functions that load configuration, the environment or feature flags: `loadEnv`, `getConfig`.
([
  (function_declaration name: (identifier) @name)
  (generator_function_declaration name: (identifier) @name)
  (variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression)])
  (pair key: (property_identifier) @name value: [(arrow_function) (function_expression)])
 ] @risk.config
 (#match? @name "(?-u)(?i)^(?:(?:load|read|parse|init|get|build|reload|validate|resolve)_?(?:\\w+?_?)?(?:config|configuration|settings|conf|cfg|env|environment|feature_?flags?|flags)|(?:config|settings|env)_?from_?\\w+|from_?env)$"))
((method_definition) @risk.config
 (#match? @risk.config "(?-u)(?i)^(?:@[^\\n]*\\n\\s*)*(?:(?:static|async|get|set|public|private|protected|override|readonly|abstract|accessor)\\s+)*\\*?\\s*(?:(?:load|read|parse|init|get|build|reload|validate|resolve)_?(?:\\w+?_?)?(?:config|configuration|settings|conf|cfg|env|environment|feature_?flags?|flags)|(?:config|settings|env)_?from_?\\w+|from_?env)\\s*[(<]"))
; A cache, session or job TTL (`{ ttl: 60 }`); the TTL of a DNS record is part of the record.
((object
   (pair key: [(property_identifier) (string)] @k value: (_) @v) @risk.config) @o
 (#match? @k "(?-u)^['\\\"]?(?:ttl|Ttl)['\\\"]?$")
 (#not-match? @v "(?-u)^(?:[A-Za-z_$][\\w$]*(?:\\s*\\??\\.\\s*[\\w$]+)*|true|false|null|undefined)$")
 (#not-match? @o "(?-u)\\b(?:recordName|zone|hostedZone|zoneId|zone_id|domainName|content|proxied|ResourceRecords|AliasTarget)\\s*:|\\btype\\s*:\\s*[\\'\"](?:A|AAAA|CNAME|MX|TXT|SRV|NS|PTR|CAA|ALIAS)[\\'\"]"))
; Retries of a client library (`{ retry: 2 }`), regions, schedules, health checks, endpoints of
; dependencies given as literals (`baseURL: 'https://ledger.internal'`).
(pair
  key: (property_identifier) @k (#any-of? @k "retry" "region" "schedule" "cron" "cronTime" "cronExpression" "timezone")
  value: [(number) (string)]) @risk.config
(pair
  key: (property_identifier) @k (#any-of? @k "healthCheck" "healthcheck" "livenessProbe" "readinessProbe" "defaultOptions")
  value: (object)) @risk.config
(pair
  key: (property_identifier) @k (#match? @k "(?-u)^(?:baseURL|baseUrl|apiUrl|apiURL|apiBase|apiEndpoint|endpoint|serverUrl|upstream|issuer|issuerBaseURL|jwksUri|brokers|connectionString|dsn|uri)$")
  value: (string) @v (#match? @v "(?-u)^.(?:https?|wss?|redis|rediss|amqps?|mongodb(?:\\+srv)?|postgres(?:ql)?|mysql|kafka|nats|grpc)://")) @risk.config
(variable_declarator
  name: (identifier) @name
  (#match? @name "(?-u)(?i)(?:api|service|backend|upstream|server|endpoint|base|webhook|graphql|gateway|issuer|jwks|redis|db|database|broker|amqp|kafka|smtp|mongo|postgres|elastic|ledger|payments?|billing|auth|oauth|sso)\\w*_?(?:url|uri|endpoint|host|base)$")
  value: (string) @v (#match? @v "(?-u)^.(?:https?|wss?|redis|rediss|amqps?|mongodb(?:\\+srv)?|postgres(?:ql)?|mysql|kafka|nats|grpc)://")) @risk.config
((import_statement) @risk.config
 (#match? @risk.config "(?-u)^import\\s+[\\'\"](?:dotenv/config|dotenv-flow/config|@dotenvx/dotenvx/config)[\\'\"]"))
; Reading a configuration file: `fs.readFileSync('config/production.yaml')`, `require('./config.json')`.
((call_expression) @risk.config
 (#match? @risk.config "(?-u)(?i)^(?:[\\w$]+\\s*\\.\\s*)*(?:readFileSync|readFile|loadFile|require|existsSync|load)\\s*\\(\\s*(?:[\\w$.]+\\s*\\(\\s*[^()]*?,\\s*)?[\\'\"`](?:[^\\'\"`]*(?:config|settings)[^\\'\"`]*\\.(?:json|ya?ml|toml|ini)\\b|[^\\'\"`]*(?:config|settings)[\\w.-]*\\.(?:js|cjs|mjs)\\b|[^\\'\"`]*\\.env\\b|/etc/[^\\'\"`]*\\.(?:json|ya?ml|toml|ini|conf)|dotenv/config)")
 (#not-match? @risk.config "(?-u)\\)\\s*\\??\\.\\s*[\\w$]+\\s*\\([^()]*\\)$"))
((new_expression) @risk.config
 (#match? @risk.config "(?-u)^new\\s+(?:[\\w$]+\\s*\\.\\s*)*(?:RateLimiter\\w*|Bottleneck|PQueue|Ratelimit|TokenBucket|RateLimit|(?:GetParameter|GetParameters|GetParametersByPath|PutParameter|StartConfigurationSession|GetLatestConfiguration)Command)\\s*(?:<[^()]*>)?\\s*(?:\\(|$)"))
((decorator) @risk.config
 (#match? @risk.config "(?-u)^@\\s*(?:Throttle|SkipThrottle|RateLimit|Timeout)\\b"))
; Configuration objects declared at the top of a module: `const config = {..}`,
; `export const config = {..}` (Next.js route and middleware config), `const dbConfig = {..}`; a
; connection `pool: {..}`, upload `limits: {..}`. A component's local `settings` are not.
([
  (program (lexical_declaration (variable_declarator name: (identifier) @name value: (object)) @risk.config))
  (program (variable_declaration (variable_declarator name: (identifier) @name value: (object)) @risk.config))
  (export_statement declaration: (lexical_declaration (variable_declarator name: (identifier) @name value: (object)) @risk.config))
 ]
 (#match? @name "(?-u)(?i)^(?:config|configuration|settings|defaults|conf|cfg|(?:app|server|db|database|redis|mongo|postgres|pg|mysql|kafka|queue|mail|smtp|env|runtime|base|default|global|connection|pool|client|http|api|service|next|prod|production|dev|development|staging|site|feature|features)_?(?:config|configuration|settings|options|opts|conf|cfg)|default_?options|(?:default_?|initial_?)?(?:feature_?)?(?:flags|toggles|features))$"))
(pair
  key: (property_identifier) @k (#any-of? @k "pool" "limits" "featureFlags" "features" "flags" "retry" "retryPolicy" "retryStrategy" "rateLimit" "throttle" "throttler" "timeouts")
  value: (object)) @risk.config
; Timeouts, retries, limits, pools, keep-alives, intervals, sizes and retention as options where
; they are set: `{ timeout: 5000 }`, `{ maxRetries: 3 }`, `{ cpu: 512 }`, but not `{ timeout: TIMEOUT_MS }`.
(pair
  key: [(property_identifier) (string)] @k
  (#match? @k "(?-u)^['\\\"]?(?:(?i:\\w*timeout(?:_?(?:ms|millis|seconds|secs?))?|retries|max_?retries|retry_?(?:count|limit|attempts|delay|delay_?ms|interval|backoff|after)|max_?attempts|attempts|backoff(?:_?\\w+)?|keep_?alive(?:_?\\w+)?|(?:max|min)_?pool_?size|pool_?size|connection_?limit|(?:max|min)_?connections|max_?sockets|max_?free_?sockets|max_?total_?sockets|max_?body_?length|max_?content_?length|max_?redirects|max_?payload(?:_?size)?|max_?file_?size|body_?limit|size_?limit|max_?request_?size|max_?body_?size|max_?header_?size|max_?http_?buffer_?size|concurrency|max_?concurrency|max_?concurrent\\w*|rate_?limit\\w*|window_?ms|max_?requests|requests_?per_?\\w+|idle|acquire|evict|max_?idle\\w*|min_?idle\\w*|max_?lifetime\\w*|heartbeat(?:_?interval)?\\w*|(?:poll|polling|refresh|flush|reconnect|health_?check|check|sync)_?interval\\w*|reconnect_?(?:delay|attempts|tries)|max_?reconnect\\w*|max_?queue\\w*|queue_?limit|stale_?time|cache_?time|gc_?time|refetch_?interval|cpu|vcpus?|memory|memory_?size|memory_?limit_?mi_?b|memory_?reservation_?mi_?b|memory_?mb|ephemeral_?storage\\w*|allocated_?storage|storage_?size|disk_?size\\w*|instance_?type|instance_?class|machine_?type|node_?type|worker_?count|min_?instances|max_?instances|retention\\w*|log_?retention\\w*|\\w+_?retention(?:_?\\w+)?)|[a-z]\\w*Ttl|\\w+_ttl|ttl[A-Z_]\\w*)['\\\"]?$")
  value: (_) @v (#not-match? @v "(?-u)^(?:[A-Za-z_$][\\w$]*(?:\\s*\\??\\.\\s*[\\w$]+)*|true|false|null|undefined)$")) @risk.config
(pair
  key: (property_identifier) @k (#eq? @k "limit")
  value: (string) @v (#match? @v "(?-u)(?i)^.\\d+\\s*[kmg]?b.$")) @risk.config
; ...as constants: `const REQUEST_TIMEOUT_MS = 30_000`, `const MAX_RETRIES = 3`, `const ACCESS_TTL = '15m'`,
; `const MAX_PAGE_SIZE = 200`, but not counters (`let retries = 0`) or timer handles
; (`const timeout = setTimeout(..)`).
(variable_declarator
  name: (identifier) @name
  (#match? @name "(?-u)(?i)^(?:\\w+_?)?(?:timeout(?:_?(?:ms|millis|seconds|secs?))?|retries|max_?retries|retry_?(?:count|limit|attempts|delay|delay_?ms|interval)|max_?attempts|backoff(?:_?\\w+)?|keep_?alive(?:_?\\w+)?|pool_?size|max_?connections|connection_?limit|rate_?limit(?:_?\\w+)?|window_?ms|max_?requests\\w*|requests_?per_?\\w+|max_?body_?size|body_?limit|max_?file_?size|max_?upload_?size|max_?payload_?size|concurrency(?:_?limit)?|max_?concurrency|idle_?timeout|grace_?period(?:_?\\w+)?|(?:poll|polling|refresh|heartbeat|flush|reconnect)_?interval(?:_?\\w+)?|(?:\\w+?_?)?ttl(?:_?\\w+)?|max_?age(?:_?\\w+)?|(?:max|min|default)_?page_?size|page_?size_?(?:max|limit)|\\w*(?:lifetime|expiry|expiration|expires_?in)(?:_?\\w+)?|(?-i:(?:MAX|MIN|DEFAULT|LIMIT)_[A-Z0-9_]+))$")
  value: (_) @v
  (#match? @v "(?-u)^(?:\\d|parseInt|parseFloat|Number|ms\\(|Math\\.|process\\.env|Duration|\\(|['\\\"`]\\d)")
  (#not-match? @v "(?-u)^[01]$")) @risk.config
; ...and as assignments: `server.keepAliveTimeout = 65000`, `axios.defaults.timeout = 5000`.
((assignment_expression) @risk.config
 (#match? @risk.config "(?-u)^(?:[\\w$]+\\s*\\??\\.\\s*)+(?i:\\w*timeout(?:_?(?:ms|millis|seconds|secs?))?|max_?retries|retries|keep_?alive\\w*|max_?sockets|max_?free_?sockets|max_?connections|max_?headers_?count|max_?requests_?per_?socket|max_?body_?length|max_?content_?length|max_?redirects|default_?max_?listeners|pool_?size)\\s*=[^=]"))
; Boolean switches declared at the top of a module: `const ENABLE_NEW_CHECKOUT = true`.
([
  (program (lexical_declaration
    (variable_declarator name: (identifier) @name value: [(true) (false)]) @risk.config))
  (program (variable_declaration
    (variable_declarator name: (identifier) @name value: [(true) (false)]) @risk.config))
  (export_statement declaration: (lexical_declaration
    (variable_declarator name: (identifier) @name value: [(true) (false)]) @risk.config))
 ]
 (#match? @name "(?-u)(?:^|_)(?:ENABLE|ENABLED|DISABLE|DISABLED|FEATURE|FEATURES|FLAG|FLAGS|USE|ALLOW|EXPERIMENTAL|BETA|ROLLOUT|KILL_SWITCH|DRY_RUN|DEBUG|VERBOSE|MAINTENANCE)(?:_|$)|^(?:enable|disable|use|allow)[A-Z]\\w*$|^is[A-Z]\\w*(?:Enabled|Disabled)$|^(?:feature|features|flag|flags|killSwitch|dryRun|maintenanceMode|debugMode)$"))

; =====================================================================================================
; crypto: TLS settings, certificate verification, ciphers, signing, randomness for security
; =====================================================================================================

; TLS options wherever they are passed (https.Agent, tls.connect, axios, got, pg, mongodb,
; nodemailer, undici): certificate verification, protocol versions, ciphers, trusted CAs.
(pair
  key: [(property_identifier) (string)] @k
  (#match? @k "(?-u)^['\\\"]?(?:rejectUnauthorized|checkServerIdentity|secureProtocol|ciphers|honorCipherOrder|ecdhCurve|secureOptions|requestCert|strictSSL|strict_ssl|insecure|insecureSkipVerify|tlsAllowInvalidCertificates|tlsAllowInvalidHostnames|tlsInsecure|sslValidate|sslmode|sslMode|verifySSL|verify_ssl|sslVerify|ignoreHTTPSErrors|ignoreHttpsErrors|NODE_TLS_REJECT_UNAUTHORIZED)['\\\"]?$")) @risk.crypto
(pair
  key: (property_identifier) @k (#any-of? @k "minVersion" "maxVersion" "minTLSVersion" "maxTLSVersion")
  value: (string) @v (#match? @v "(?-u)(?i)^.(?:tls|ssl)")) @risk.crypto
(pair
  key: (property_identifier) @k (#any-of? @k "ssl" "tls")
  value: [(true) (false) (object)]) @risk.crypto
(pair
  key: (property_identifier) @k (#any-of? @k "key" "cert" "ca" "pfx" "crl" "privateKey" "certificate")
  value: (call_expression) @v (#match? @v "(?-u)readFile|\\.pem|\\.crt|\\.key")) @risk.crypto
((member_expression) @risk.crypto
 (#match? @risk.crypto "(?-u)\\.\\s*NODE_TLS_REJECT_UNAUTHORIZED$"))
; Ciphers named in code: `createCipheriv('aes-256-cbc', ..)`, `const ALGORITHM = 'des-ede3-cbc'`.
((string) @risk.crypto
 (#match? @risk.crypto "(?-u)(?i)^.(?:NODE_TLS_REJECT_UNAUTHORIZED|aes-\\d+-(?:ecb|cbc|ctr|gcm|ccm|ofb|cfb)|des-\\w+|des|des3|des-ede3?(?:-cbc)?|rc4|rc2|bf-\\w+|blowfish|chacha20-poly1305|id-aes\\d+-gcm).$"))
; Node's crypto primitives, called through `crypto.` or imported by name; Web Crypto
; `crypto.subtle`; password hashing; TLS servers and contexts.
(call_expression
  function: (_) @f
  (#match? @f "(?-u)(?:^(?:createCipheriv|createDecipheriv|createCipher|createDecipher|createSign|createVerify|createHmac|generateKeyPair|generateKeyPairSync|generateKeySync|pbkdf2|pbkdf2Sync|scrypt|scryptSync|hkdf|hkdfSync|randomBytes|randomFillSync|randomFill|getRandomValues|timingSafeEqual|createPrivateKey|createPublicKey|createSecretKey|publicEncrypt|privateDecrypt|privateEncrypt|publicDecrypt|createDiffieHellman|createECDH|generatePrime)|\\.\\s*(?:createCipheriv|createDecipheriv|createCipher|createDecipher|createSign|createVerify|createHmac|generateKeyPair|generateKeyPairSync|generateKeySync|pbkdf2|pbkdf2Sync|scrypt|scryptSync|hkdf|hkdfSync|randomBytes|randomFillSync|randomFill|getRandomValues|timingSafeEqual|createPrivateKey|createPublicKey|createSecretKey|publicEncrypt|privateDecrypt|privateEncrypt|publicDecrypt|createDiffieHellman|createECDH|generatePrime)|^(?:crypto|nodeCrypto|webcrypto|forge|sodium|nacl|CryptoJS|cryptoJs)\\s*\\.\\s*(?:sign|verify|randomInt|generateKey|encrypt|decrypt|AES|DES|TripleDES|RC4|HmacSHA256|HmacSHA1|HmacMD5|MD5|SHA1|secretbox|box|crypto_secretbox_easy|crypto_box_easy|randombytes_buf|generateSecret)|^(?:jose)\\s*\\.\\s*(?:importJWK|importPKCS8|importSPKI|exportJWK|generateKeyPair|generateSecret)|^(?:jwt|jsonwebtoken|JWT|jws|JsonWebToken)\\s*\\.\\s*(?:verify|sign)|(?:^|\\.)\\s*(?:jwtVerify|compactVerify|generalVerify|flattenedVerify)|(?i:(?:^|\\.)\\s*jwt_?(?:service)?\\s*\\.\\s*(?:verify|verifyasync|sign|signasync))|^(?:bcrypt|bcryptjs|argon2|argon|Bcrypt)\\s*\\.\\s*(?:hash|hashSync|genSalt|genSaltSync|hashRaw)|^(?:tls|https|http2)\\s*\\.\\s*(?:createServer|createSecureServer|createSecureContext|createSecurePair|connect)|(?:^|\\.)\\s*subtle\\s*\\.\\s*(?:importKey|exportKey|generateKey|deriveKey|deriveBits|sign|verify|encrypt|decrypt|wrapKey|unwrapKey)|(?:^|\\.)\\s*CryptoJS\\s*\\.\\s*\\w+\\s*\\.\\s*(?:encrypt|decrypt)|(?:^|\\.)\\s*(?:pki|cipher|forge)\\s*\\.\\s*\\w+\\s*\\.\\s*(?:createCipher|createDecipher|generateKeyPair|privateKeyFromPem|certificateFromPem|createCertificate))$")) @risk.crypto
((new_expression) @risk.crypto
 (#match? @risk.crypto "(?-u)^new\\s+(?:[\\w$]+\\s*\\.\\s*)*(?:TLSSocket|SecureContext|HttpsAgent|X509Certificate)\\s*(?:<[^()]*>)?\\s*(?:\\(|$)"))
((new_expression) @risk.crypto
 (#match? @risk.crypto "(?-u)^new\\s+(?:https|tls)\\s*\\.\\s*(?:Agent|TLSSocket|Server)\\s*(?:\\(|$)"))
; A weak hash of a secret: `createHash('md5').update(password)`. The same hash of a file or a body
; for an ETag or a checksum is not a hotspot.
((call_expression) @risk.crypto
 (#match? @risk.crypto "(?-u)^(?:[\\w$]+\\s*\\.\\s*)?(?:createHash|hash)\\s*\\(\\s*[\\'\"](?i:md4|md5|sha1|sha-1|ripemd\\w*|md2)[\\'\"]\\s*\\)\\s*\\.\\s*update\\s*\\(\\s*[^()]*?(?i:pass|pwd|secret|token|key|salt|otp|pin|credential|signature)[^()]*\\)$"))
((augmented_assignment_expression) @risk.crypto
 (#match? @risk.crypto "(?-u)^(?:[\\w$]+\\s*\\??\\.\\s*)*[\\w$]*(?i:token|secret|nonce|salt|password|otp|pin|csrf|session_?id|api_?key|code)\\s*\\+=[\\s\\S]*Math\\s*\\.\\s*random\\s*\\("))
; Math.random() stored under a name that says it is a secret: predictable tokens, OTPs, nonces,
; session ids. Jitter, sampling, shuffling and list keys are not.
(variable_declarator
  name: (identifier) @name
  (#match? @name "(?-u)(?i)(?:^|_)(?:token|tokens|secret|nonce|salt|password|passwd|otp|pin|csrf|iv|session_?id|sid|api_?key|secret_?key|code|reset_?code|verification_?code|invite_?code|one_?time\\w*)$|(?-i:[a-z0-9](?:Token|Tokens|Secret|Nonce|Salt|Password|Otp|OTP|Pin|PIN|Csrf|SessionId|Sid|ApiKey|SecretKey|Code)$)")
  value: (_) @v (#match? @v "(?-u)Math\\s*\\.\\s*random\\s*\\(")) @risk.crypto
((assignment_expression) @risk.crypto
 (#match? @risk.crypto "(?-u)^(?:[\\w$]+\\s*\\??\\.\\s*)*[\\w$]*(?i:token|secret|nonce|salt|password|otp|pin|csrf|session_?id|api_?key|code)\\s*=[^=][\\s\\S]*Math\\s*\\.\\s*random\\s*\\("))
; Keys, IVs, nonces and salts bound to a name, whether random or (worse) constant:
; `const iv = Buffer.alloc(16, 0)`, `const FIXED_IV = '0000000000000000'`.
(variable_declarator
  name: (identifier) @name
  (#match? @name "(?-u)(?i)(?:^|_)(?:iv|nonce|salt|init_?vector|initialization_?vector|aes_?key|encryption_?key|cipher_?key|hmac_?key|signing_?key)$|(?-i:[a-z0-9](?:Iv|IV|Nonce|Salt|InitVector|AesKey|EncryptionKey|CipherKey|HmacKey|SigningKey)$)")
  value: (_)) @risk.crypto
; Functions that hash passwords, encrypt, decrypt or sign, or generate keys, nonces and secrets.
([
  (function_declaration name: (identifier) @name)
  (generator_function_declaration name: (identifier) @name)
  (variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression)])
  (pair key: (property_identifier) @name value: [(arrow_function) (function_expression)])
 ] @risk.crypto
 (#match? @name "(?-u)(?i)^(?:(?:hash|rehash)_?(?:\\w+?_?)?(?:password|passwd|passphrase|secret|token|api_?key|pin|otp)s?|(?:load|read|parse|generate|gen|create|new|make|random|derive|rotate)_?(?:\\w+?_?)?(?:private_?key|signing_?key|encryption_?key|secret_?key|key_?pair|certs?|certificates?|tls_?config|tls_?options|key_?material|hmac_?key|aes_?key|master_?key)s?|(?:generate|gen|create|new|make|random)_?(?:\\w+?_?)?(?:nonce|salt|iv|secret|secrets|api_?key|otp|random_?bytes|random_?string|random_?id|secure_?id)s?|(?:generate|gen|random|make)_?(?:\\w+?_?)?(?:password|passphrase|pin)s?|encrypt|decrypt|sign|derive_?(?:\\w+?_?)?keys?|(?:generate|gen)_?keys?(?:_?pair)?|(?-i:\\w*[a-z0-9_](?:Encrypt|Decrypt|Encryption|Decryption|Cipher|Decipher|Hmac|HMAC|Signature|Signatures|KeyPair|Keypair)(?:[A-Z0-9_]\\w*)?|(?:encrypt|decrypt|encryption|decryption|cipher|decipher|hmac|signature|keyPair)[A-Z0-9_]\\w*|sign(?:Message|Payload|Request|Data|Bytes|Url|URL|Cookie|Body|Challenge|Webhook|Digest|Hash|Blob|Manifest|Release|Artifact|Document)s?))$"))
((method_definition) @risk.crypto
 (#match? @risk.crypto "(?-u)(?i)^(?:@[^\\n]*\\n\\s*)*(?:(?:static|async|get|set|public|private|protected|override|readonly|abstract|accessor)\\s+)*\\*?\\s*(?:(?:hash|rehash)_?(?:\\w+?_?)?(?:password|passwd|passphrase|secret|token|api_?key|pin|otp)s?|(?:load|read|parse|generate|gen|create|new|make|random|derive|rotate)_?(?:\\w+?_?)?(?:private_?key|signing_?key|encryption_?key|secret_?key|key_?pair|certs?|certificates?|tls_?config|tls_?options|key_?material|hmac_?key|aes_?key|master_?key)s?|(?:generate|gen|create|new|make|random)_?(?:\\w+?_?)?(?:nonce|salt|iv|secret|secrets|api_?key|otp|random_?bytes|random_?string|random_?id|secure_?id)s?|(?:generate|gen|random|make)_?(?:\\w+?_?)?(?:password|passphrase|pin)s?|encrypt|decrypt|sign|derive_?(?:\\w+?_?)?keys?|(?:generate|gen)_?keys?(?:_?pair)?|(?-i:\\w*[a-z0-9_](?:Encrypt|Decrypt|Encryption|Decryption|Cipher|Decipher|Hmac|HMAC|Signature|Signatures|KeyPair|Keypair)(?:[A-Z0-9_]\\w*)?|(?:encrypt|decrypt|encryption|decryption|cipher|decipher|hmac|signature|keyPair)[A-Z0-9_]\\w*|sign(?:Message|Payload|Request|Data|Bytes|Url|URL|Cookie|Body|Challenge|Webhook|Digest|Hash|Blob|Manifest|Release|Artifact|Document)s?))\\s*[(<]"))

; =====================================================================================================
; secrets: credentials, API keys, secret loading and storage, hard-coded secrets
; =====================================================================================================

; A string literal bound to a name that says it is a credential: `const API_KEY = '..'`,
; `{ password: 'hunter2' }`, `config.clientSecret = '..'`. Names of things that are not secrets
; (`nextToken`, `pageToken`, `deviceToken`) and values that are not secrets (`''`, `'API_KEY'`,
; `'<your key>'`, `'x-api-key'`, `'Bearer'`, fetch's `credentials: 'include'`) do not match.
([
  (variable_declarator name: (identifier) @name value: (string) @v)
  (pair key: [(property_identifier) (string)] @name value: (string) @v)
 ] @risk.secrets
 (#match? @name "(?-u)(?i)(?:password|passwd|passphrase|pwd|secret|secret_?or_?(?:public_?)?key|api[_-]?key|apikey|access_?key(?:_?id)?|private_?key|token|credentials?|creds|signing_?key|encryption_?key|master_?key|hmac_?key|webhook_?secret|client_?secret)[\\'\"]?$|^[\\'\"]?(?:pass|db_?pass|smtp_?pass|user_?pass|admin_?pass|root_?pass|mail_?pass|auth_?pass)[\\'\"]?$")
 (#not-match? @name "(?-u)(?i)^[\\'\"]?(?:next|page|pagination|continuation|cancel|cancellation|sync|cursor|resume|lexer|parser|current|peek|prev|previous|last|first|csrf|xsrf|device|push|fcm|apns|expo|max|min|show|hide|toggle|has|is|with|use|no|require|requires)_?(?:token|password|secret|key|credentials?)[\\'\"]?$")
 (#not-match? @v "(?-u)^[\\'\"`](?:|(?-i:[A-Z][A-Z0-9_]{2,})|<[^\\'\"`]*>|\\$\\{[^}]*\\}|\\{\\{[^}]*\\}\\}|[*x.]+|(?i:bearer|basic|token|digest) ?|include|omit|same-origin|true|false|null|undefined|none|(?i:your[_ -][\\w -]*|xxx\\w*|todo|placeholder|redacted|dummy|example|changeme-in-prod\\w*)|(?i:(?:x-)?(?:api|auth|access|refresh|id|session|csrf|xsrf|bearer|user|new|old|current|confirm)?[-_]?(?:token|key|secret|password|passwd|pass|pwd|credentials?)s?)|[A-Z][^\\'\"`]*\\s[^\\'\"`]*|[^\\'\"`]*[A-Za-z][.?!:])[\\'\"`]$"))
((assignment_expression) @risk.secrets
 (#match? @risk.secrets "(?-u)^(?:[\\w$]+\\s*\\??\\.\\s*)*[\\w$]*(?i:password|passwd|passphrase|pwd|secret|api_?key|apikey|access_?key(?:_?id)?|private_?key|token|credentials?|signing_?key|encryption_?key|master_?key|hmac_?key|webhook_?secret|client_?secret)\\s*=\\s*[\\'\"][^\\'\"]*[\\'\"]$")
 (#not-match? @risk.secrets "(?-u)(?i)(?:next|page|cursor|lexer|current|peek|prev|last|device|push)_?token\\s*=|=\\s*[\\'\"](?:|(?-i:[A-Z][A-Z0-9_]{2,})|<[^\\'\"`]*>|\\$\\{[^}]*\\}|\\{\\{[^}]*\\}\\}|[*x.]+|(?i:bearer|basic|token|digest) ?|include|omit|same-origin|true|false|null|undefined|none|(?i:your[_ -][\\w -]*|xxx\\w*|todo|placeholder|redacted|dummy|example|changeme-in-prod\\w*)|(?i:(?:x-)?(?:api|auth|access|refresh|id|session|csrf|xsrf|bearer|user|new|old|current|confirm)?[-_]?(?:token|key|secret|password|passwd|pass|pwd|credentials?)s?)|[A-Z][^\\'\"`]*\\s[^\\'\"`]*|[^\\'\"`]*[A-Za-z][.?!:])[\\'\"]$"))
; Literals that look like credentials wherever they are: AWS access keys, PEM private keys,
; GitHub, Stripe, Slack, Google, OpenAI, Anthropic, GitLab, npm and SendGrid tokens, JWTs, Slack
; webhooks, URLs with a password in them, `Basic ..` / `Bearer ..` headers.
((string) @risk.secrets
 (#match? @risk.secrets "(?-u)\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b|-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----|\\bgh[pousr]_[A-Za-z0-9]{36}\\b|\\bgithub_pat_[A-Za-z0-9_]{22,}|\\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}|\\bwhsec_[0-9A-Za-z]{16,}|\\bxox[abprs]-[0-9A-Za-z-]{10,}|\\bAIza[0-9A-Za-z_-]{35}\\b|\\bsk-(?:proj-|ant-(?:api\\d+-)?)?[A-Za-z0-9_-]{20,}|\\bglpat-[0-9A-Za-z_-]{20}|\\bnpm_[A-Za-z0-9]{36}\\b|\\bSG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}\\b|\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}|hooks\\.slack\\.com/services/T[A-Z0-9]+/|[a-z][a-z0-9+.-]*://[^/\\s:@\\'\"`{}]+:[^/\\s@\\'\"`{}$]+@|^.(?:Basic|Bearer|Token) [A-Za-z0-9+/=._~-]{12,}.$"))
((template_string) @risk.secrets
 (#match? @risk.secrets "(?-u)\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b|-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----|\\bgh[pousr]_[A-Za-z0-9]{36}\\b|\\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}|\\bxox[abprs]-[0-9A-Za-z-]{10,}|[a-z][a-z0-9+.-]*://[^/\\s:@\\'\"`{}$]+:[^/\\s@\\'\"`{}$]+@"))
; Functions that load, fetch or rotate secrets and credentials.
([
  (function_declaration name: (identifier) @name)
  (generator_function_declaration name: (identifier) @name)
  (variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression)])
  (pair key: (property_identifier) @name value: [(arrow_function) (function_expression)])
 ] @risk.secrets
 (#match? @name "(?-u)(?i)^(?:load|read|fetch|get|rotate|resolve|decrypt|retrieve)_?(?:\\w+?_?)?(?:secret|secrets|password|passwd|api_?key|api_?keys|credentials?|private_?key|service_?account_?key)s?$"))
((method_definition) @risk.secrets
 (#match? @risk.secrets "(?-u)(?i)^(?:@[^\\n]*\\n\\s*)*(?:(?:static|async|get|set|public|private|protected|override|readonly|abstract|accessor)\\s+)*\\*?\\s*(?:load|read|fetch|get|rotate|resolve|decrypt|retrieve)_?(?:\\w+?_?)?(?:secret|secrets|password|passwd|api_?key|api_?keys|credentials?|private_?key|service_?account_?key)s?\\s*[(<]"))
; Secret stores: AWS Secrets Manager, GCP Secret Manager, Azure Key Vault, HashiCorp Vault;
; credential providers and explicit credentials handed to SDK clients.
(call_expression
  function: (_) @f
  (#match? @f "(?-u)(?:^(?:getSecretValue|batchGetSecretValue|createSecret|putSecretValue|updateSecret|rotateSecret|deleteSecret|accessSecretVersion|addSecretVersion|getSecret|setSecret|beginDeleteSecret|purgeDeletedSecret|createAccessKey|createServiceAccountKey|getSessionToken|fromIni|fromTemporaryCredentials|fromWebToken|fromTokenFile|fromSSO|fromProcess|fromCognitoIdentityPool|fromNodeProviderChain|loadSecrets|loadSecret|fetchSecret|fetchSecrets|readSecret|getSecrets)|\\.\\s*(?:getSecretValue|batchGetSecretValue|createSecret|putSecretValue|updateSecret|rotateSecret|deleteSecret|accessSecretVersion|addSecretVersion|getSecret|setSecret|beginDeleteSecret|purgeDeletedSecret|createAccessKey|createServiceAccountKey|getSessionToken|fromIni|fromTemporaryCredentials|fromWebToken|fromTokenFile|fromSSO|fromProcess|fromCognitoIdentityPool|fromNodeProviderChain|loadSecrets|loadSecret|fetchSecret|fetchSecrets|readSecret|getSecrets)|(?i:(?:^|\\.)\\s*vault\\w*\\s*\\.\\s*(?:read|write|delete|list|kvread|kvwrite|approlelogin|unseal|generatecredentials))|(?:^|\\.)\\s*credential\\s*\\.\\s*(?:cert|applicationDefault|refreshToken)|(?:^|\\.)\\s*(?:aws|AWS)\\s*\\.\\s*config\\s*\\.\\s*update)$")) @risk.secrets
((new_expression) @risk.secrets
 (#match? @risk.secrets "(?-u)^new\\s+(?:[\\w$]+\\s*\\.\\s*)*(?:(?:GetSecretValue|BatchGetSecretValue|CreateSecret|PutSecretValue|UpdateSecret|RotateSecret|DeleteSecret|RestoreSecret|DescribeSecret|CreateAccessKey|GetSessionToken|GetAccessKeyInfo|GetRandomPassword)Command|SecretClient|SecretManagerServiceClient|StaticCredentialsProvider|BasicCredentials|AzureKeyCredential|ClientSecretCredential|UsernamePasswordCredential)\\s*(?:<[^()]*>)?\\s*(?:\\(|$)"))
(pair
  key: [(property_identifier) (string)] @k
  (#match? @k "(?-u)^['\\\"]?(?:WithDecryption|withDecryption|SecretId|SecretString|SecretBinary|keyFile|keyFilename|serviceAccountKey|secretAccessKey|sessionToken|accessKeyId|clientSecret|client_secret)['\\\"]?$")) @risk.secrets
(pair
  key: (property_identifier) @k (#any-of? @k "credentials" "credential" "auth" "authentication")
  value: (object) @v (#match? @v "(?-u)(?i)\\b(?:password|pass|secret\\w*|access_?key\\w*|token|bearer|api_?key|private_?key|client_?secret)\\s*:\\s*(?:['\\\"`]|process\\s*\\.\\s*env)")) @risk.secrets
; Credentials sent in request headers: a secret (a literal, a constant, the environment) is a
; secret in code; a user's token taken from storage or the session is the session being sent (auth).
(pair
  key: [(property_identifier) (string)] @k
  (#match? @k "(?-u)^['\\\"]?(?:[Aa]uthorization|(?i:proxy-authorization|x-api-key|api-key|x-auth-token|x-access-token|private-token|x-vault-token|x-github-token|ocp-apim-subscription-key))['\\\"]?$")
  value: (_) @v (#match? @v "(?-u)\\$\\{\\s*(?:process\\s*\\.\\s*env\\s*\\.\\s*\\w+|[A-Z][A-Z0-9_]{2,}|[\\w$.]*(?i:secret|api_?key|apikey|password|client_?secret))\\s*\\}|^['\\\"`](?:Bearer |Basic |Token )?[A-Za-z0-9+/=._~-]{12,}['\\\"`]$|^(?:process\\s*\\.\\s*env\\s*\\.\\s*\\w+|[A-Z][A-Z0-9_]{2,})$")) @risk.secrets
(pair
  key: [(property_identifier) (string)] @k
  (#match? @k "(?-u)^['\\\"]?(?:[Aa]uthorization|(?i:proxy-authorization|x-api-key|api-key|x-auth-token|x-access-token|private-token|x-vault-token|x-github-token|ocp-apim-subscription-key))['\\\"]?$")
  value: (_) @v (#not-match? @v "(?-u)\\$\\{\\s*(?:process\\s*\\.\\s*env\\s*\\.\\s*\\w+|[A-Z][A-Z0-9_]{2,}|[\\w$.]*(?i:secret|api_?key|apikey|password|client_?secret))\\s*\\}|^['\\\"`](?:Bearer |Basic |Token )?[A-Za-z0-9+/=._~-]{12,}['\\\"`]$|^(?:process\\s*\\.\\s*env\\s*\\.\\s*\\w+|[A-Z][A-Z0-9_]{2,})$")) @risk.auth
; A secret written into the call that uses it: `jwt.sign(payload, 'secretkey')`, `cookieParser('my secret')`.
((call_expression) @risk.secrets
 (#match? @risk.secrets "(?-u)^(?:(?:cookieParser|cookieSession|expressSession)\\s*\\(\\s*|(?:jwt|jsonwebtoken|JWT)\\s*\\.\\s*(?:sign|verify)\\s*(?:<[^()]*>)?\\s*\\((?:[^,(){}\\'\"`]|\\{[^{}]*\\}|\\([^()]*\\)|[\\'\"`][^\\'\"`]*[\\'\"`])*,\\s*)[\\'\"`][^\\'\"`$]{3,}[\\'\"`]\\s*[,)]")
 (#not-match? @risk.secrets "(?-u)\\)\\s*\\??\\.\\s*[\\w$]+\\s*\\([^()]*\\)$"))
((call_expression) @risk.secrets
 (#match? @risk.secrets "(?-u)^[\\w$.]+\\s*\\.\\s*(?:setHeader|set|header|append|setRequestHeader)\\s*\\(\\s*[\\'\"](?i:authorization|proxy-authorization|x-api-key|api-key|x-auth-token|x-access-token|private-token|x-vault-token)[\\'\"]\\s*,")
 (#not-match? @risk.secrets "(?-u)\\)\\s*\\??\\.\\s*[\\w$]+\\s*\\([^()]*\\)$"))
; Credential files: private keys, keystores, service-account keys. The key and certificate of a
; TLS listener are TLS settings (crypto); public keys are not secrets.
((call_expression) @risk.secrets
 (#match? @risk.secrets "(?-u)(?i)^(?:[\\w$]+\\s*\\.\\s*)*(?:readFileSync|readFile|require|createReadStream|cert)\\s*\\((?:[^()]|\\([^()]*\\))*?(?:(?:secret|credential|passw|token|privkey|private)[\\w.-]*\\.(?:json|pem|key|txt|p12|pfx|jks|crt|env|ya?ml)\\b|/secrets?/|key\\w*\\.pem\\b|\\.key\\b|id_rsa|id_ed25519|id_ecdsa|\\.p12\\b|\\.pfx\\b|\\.jks\\b|keystore|\\.netrc|\\.pgpass|\\.aws/|service-?account\\w*\\.json|firebase-adminsdk|gcp-key|\\.htpasswd)")
 (#not-match? @risk.secrets "(?-u)\\)\\s*\\??\\.\\s*[\\w$]+\\s*\\([^()]*\\)|(?i)/(?:tls|ssl)/|\\b(?:server|tls|ssl|cert|fullchain|chain)\\.(?:key|pem|crt)\\b|\\.crt\\b|\\.pub\\b|public"))
; A secret from the environment: `process.env.STRIPE_SECRET_KEY`, `process.env['DB_PASSWORD']`.
((member_expression) @risk.secrets
 (#match? @risk.secrets "(?-u)^(?:process|import\\s*\\.\\s*meta|Bun)\\s*\\.\\s*env\\s*\\??\\.\\s*[\\w$]*(?i:password|passwd|pwd|secret|token|api_?key|private_?key|credential|access_?key|client_?secret|_key|signing_?key|_pass|_pat|webhook_?secret|dsn)[\\w$]*$")
 (#not-match? @risk.secrets "(?-u)(?i)public|publishable|_id$|_url$|_name$|_user$|_region$|_key_?(?:id|prefix|name)$"))
((subscript_expression) @risk.secrets
 (#match? @risk.secrets "(?-u)^(?:process|import\\s*\\.\\s*meta|Bun)\\s*\\.\\s*env\\s*(?:\\?\\.)?\\s*\\[\\s*[\\'\"`][\\w$]*(?i:password|passwd|pwd|secret|token|api_?key|private_?key|credential|access_?key|client_?secret|_key|signing_?key|_pass)[\\'\"`]\\s*\\]$")
 (#not-match? @risk.secrets "(?-u)(?i)public|publishable"))

; =====================================================================================================
; network: listeners, ports, bind addresses, firewalls and security groups, CORS, proxies, routing
; =====================================================================================================

; Listeners (`app.listen(port, '0.0.0.0')`, `http.createServer(app).listen(..)`, `Bun.serve(..)`),
; CORS (`cors()` with or without options), proxies, security groups and firewall rules. An event
; bus's `bus.listen('order.created')`, `history.listen(onChange)` and ordinary HTTP routes do not
; match.
(call_expression
  function: (_) @f
  (#match? @f "(?-u)(?:^(?:cors|Cors|corsMiddleware|fastifyCors|createProxyMiddleware|legacyCreateProxyMiddleware|createProxyServer|createProxy|proxy|expressHttpProxy)|\\.\\s*(?:enableCors|createProxyMiddleware|legacyCreateProxyMiddleware|createProxyServer|authorizeSecurityGroupIngress|authorizeSecurityGroupEgress|revokeSecurityGroupIngress|revokeSecurityGroupEgress|createSecurityGroup|addIngressRule|addEgressRule|allowFrom|allowTo|allowDefaultPortFrom|allowFromAnyIpv4|allowDefaultPortFromAnyIpv4|allowDefaultPortInternally|allowInternally|addTargets|anyIpv4|anyIpv6|createNamespacedIngress|replaceNamespacedIngress|patchNamespacedIngress|createNamespacedNetworkPolicy|replaceNamespacedNetworkPolicy|patchNamespacedNetworkPolicy|deleteNamespacedNetworkPolicy)|^(?:Bun|Deno|uWS)\\s*\\.\\s*(?:serve|listen|listenTls|listenDatagram|App|SSLApp)|\\)\\s*\\.\\s*listen|(?i:(?:^|\\.)\\s*(?:app|server|http_?server|https_?server|srv|fastify|instance|wss|io|\\w*server|\\w*app|hono|httpd|listener|api))\\s*\\.\\s*listen|(?:^|\\.)\\s*Peer\\s*\\.\\s*(?:ipv4|ipv6|prefixList|securityGroupId)|(?i:firewalls?\\s*\\.\\s*(?:insert|patch|update|delete|create)))$")) @risk.network
; A WebSocket gateway opens its own port.
((decorator) @risk.network
 (#match? @risk.network "(?-u)^@\\s*WebSocketGateway\\s*\\("))
; Networks, gateways, load balancers, CDNs and APIs as CDK constructs: `new ec2.Vpc(this, ..)`,
; `new apigateway.LambdaRestApi(this, ..)`.
((new_expression) @risk.network
 (#match? @risk.network "(?-u)^new\\s+(?:[\\w$]+\\s*\\.\\s*)*(?:Vpc|CfnVPC|Subnet|PublicSubnet|NatGateway|InternetGateway|CfnInternetGateway|VpcPeeringConnection|CfnVPCPeeringConnection|TransitGateway|CfnTransitGateway|NetworkLoadBalancer|ApplicationLoadBalancer|LoadBalancer|Listener|ApplicationListener|CfnListener|Distribution|CloudFrontWebDistribution|RestApi|LambdaRestApi|HttpApi|WebSocketApi|Endpoint|VpcLink)\\s*(?:<[^()]*>)?\\s*\\(\\s*this\\s*,"))
; Servers, proxy agents, security groups, load balancers, firewalls, ingresses.
((new_expression) @risk.network
 (#match? @risk.network "(?-u)^new\\s+(?:[\\w$]+\\s*\\.\\s*)*(?:WebSocketServer|WSServer|GrpcServer|HttpsProxyAgent|HttpProxyAgent|SocksProxyAgent|ProxyAgent|EnvHttpProxyAgent|PacProxyAgent|(?:AuthorizeSecurityGroupIngress|AuthorizeSecurityGroupEgress|RevokeSecurityGroupIngress|RevokeSecurityGroupEgress|CreateSecurityGroup|DeleteSecurityGroup|ModifySecurityGroupRules|UpdateSecurityGroupRuleDescriptionsIngress|CreateNetworkAclEntry|ReplaceNetworkAclEntry|CreateListener|ModifyListener|CreateVpcPeeringConnection|AuthorizeClientVpnIngress|CreateFirewallRule|UpdateFirewallRule)Command|SecurityGroup|CfnSecurityGroup|CfnSecurityGroupIngress|CfnSecurityGroupEgress|SecurityGroupRule|SecurityGroupIngressRule|SecurityGroupEgressRule|NetworkAcl|NetworkAclEntry|ApplicationLoadBalancer|NetworkLoadBalancer|ApplicationListener|NetworkListener|Firewall|FirewallRule|FirewallPolicy|VpcEndpoint|InterfaceVpcEndpoint|Ingress|NetworkPolicy)\\s*(?:<[^()]*>)?\\s*(?:\\(|$)"))
; CORS and proxies handed to `app.use(..)` / `fastify.register(..)`.
([
  (arguments . [(identifier) (member_expression)] @risk.network)
  (arguments . [(string) (template_string) (identifier) (member_expression)] . [(identifier) (member_expression)] @risk.network)
 ]
 (#match? @risk.network "(?-u)^(?:cors|corsMiddleware|fastifyCors|corsOptions|corsHandler|[\\w$]*[pP]roxy(?:Middleware)?)$"))
; Bind addresses: all interfaces, the whole internet as a CIDR; CORS header names.
((string) @risk.network
 (#match? @risk.network "(?-u)^.(?:0\\.0\\.0\\.0(?::\\d+|/0)?|::|\\[::\\](?::\\d+)?|::/0|::0|(?i:access-control-allow-(?:origin|credentials|methods|headers|private-network))|(?i:trust proxy)).$"))
; Ports and bind options: `const PORT = process.env.PORT || 3000`, `{ port: 8080, host: '0.0.0.0' }`.
(variable_declarator
  name: (identifier) @name (#match? @name "(?-u)^(?:port|PORT)$|[a-z0-9]Port$|_(?:port|PORT)$")
  value: (_) @v (#match? @v "(?-u)\\d{2,5}|PORT|(?i)port") (#not-match? @v "(?-u)^(?:[A-Za-z_$][\\w$]*(?:\\s*\\??\\.\\s*[\\w$]+)*|true|false|null|undefined)$")) @risk.network
(pair
  key: [(property_identifier) (string)] @k (#match? @k "(?-u)^['\\\"]?(?:port|PORT|[\\w$]*[a-z0-9]Port|\\w+_(?:port|PORT)|host|hostname|bind|bindAddress|listenAddress)['\\\"]?$")
  value: [(number) (string) (binary_expression) (call_expression) (member_expression) (identifier)] @v
  (#match? @v "(?-u)^\\d{2,5}$|PORT|(?i)port|^.(?:0\\.0\\.0\\.0|::|localhost|127\\.0\\.0\\.1).$") (#not-match? @v "(?-u)^(?:[A-Za-z_$][\\w$]*(?:\\s*\\??\\.\\s*[\\w$]+)*|true|false|null|undefined)$")) @risk.network
(pair
  key: [(property_identifier) (string)] @k
  (#match? @k "(?-u)^['\\\"]?(?:cors|allowedOrigins|allowOrigins|allowed_origins|corsOrigin|corsOrigins|trustProxy|trust_proxy|proxy|ingress|egress|IpPermissions|IpPermissionsEgress|FromPort|ToPort|fromPort|toPort|CidrIp|CidrIpv6|cidrBlocks|ipv6CidrBlocks|sourceRanges|allowedIps|ipWhitelist|ipAllowlist|allowedHosts|allowed_hosts|trustedHosts|trustedProxies|hostNetwork|NetworkMode|networkMode|network_mode)['\\\"]?$")) @risk.network

; =====================================================================================================
; data: destructive or schema-changing data operations: DELETE, DROP, TRUNCATE, migrations,
; recursive deletes
; =====================================================================================================

; SQL that drops, deletes, truncates or changes the schema, in any string or template literal
; (`db.query(..)`, `knex.raw(..)`, prisma's `$executeRaw`..``), in upper case anywhere or in lower
; case at the start of the literal, a line or a statement; UI text in sentence case ('Delete from
; cart') does not match. UPDATE without WHERE rewrites every row.
((string) @risk.data
 (#match? @risk.data "(?-u)(?m)(?:^|[\\'\"`;(])\\s*(?:drop\\s+(?:table|database|schema|index|view|column|constraint|type|trigger|function|extension|sequence|materialized\\s+view|collection|keyspace)\\b|delete\\s+from\\s|truncate(?:\\s+table)?\\s+[\\w\"`]|alter\\s+(?:table|database|schema|index|type|sequence|view)\\s|create\\s+(?:unique\\s+)?(?:table|index|schema|database|type|view|materialized\\s+view|extension|trigger|sequence)\\b|rename\\s+table\\s|flushall\\b|flushdb\\b)|\\b(?:DROP\\s+(?:TABLE|DATABASE|SCHEMA|INDEX|VIEW|COLUMN|CONSTRAINT|TYPE|TRIGGER|FUNCTION|EXTENSION|SEQUENCE|MATERIALIZED\\s+VIEW|COLLECTION|KEYSPACE)|DELETE\\s+FROM|TRUNCATE(?:\\s+TABLE)?\\s+[\\w\"`.]+|ALTER\\s+(?:TABLE|DATABASE|SCHEMA|INDEX|TYPE|SEQUENCE|VIEW)|CREATE\\s+(?:UNIQUE\\s+)?(?:TABLE|INDEX|SCHEMA|DATABASE|TYPE|VIEW|MATERIALIZED\\s+VIEW|EXTENSION|TRIGGER|SEQUENCE)|RENAME\\s+TABLE|FLUSHALL|FLUSHDB)\\b|\\brm\\s+-[a-zA-Z]*[rR][a-zA-Z]*\\b|\\bprisma\\s+(?:migrate\\s+reset|db\\s+push\\s+[^\\'\"`]*--(?:force-reset|accept-data-loss))|--accept-data-loss\\b|\\bknex\\s+migrate:(?:rollback|down)|\\bsequelize(?:-cli)?\\s+db:(?:migrate:undo\\w*|drop|seed:undo\\w*)|\\btypeorm\\s+(?:schema:drop|migration:revert)|\\bdropdb\\s|\\bredis-cli\\b[^\\'\"`]*\\bflush(?:all|db)\\b"))
((template_string) @risk.data
 (#match? @risk.data "(?-u)(?m)(?:^|[\\'\"`;(])\\s*(?:drop\\s+(?:table|database|schema|index|view|column|constraint|type|trigger|function|extension|sequence|materialized\\s+view|collection|keyspace)\\b|delete\\s+from\\s|truncate(?:\\s+table)?\\s+[\\w\"`]|alter\\s+(?:table|database|schema|index|type|sequence|view)\\s|create\\s+(?:unique\\s+)?(?:table|index|schema|database|type|view|materialized\\s+view|extension|trigger|sequence)\\b|rename\\s+table\\s|flushall\\b|flushdb\\b)|\\b(?:DROP\\s+(?:TABLE|DATABASE|SCHEMA|INDEX|VIEW|COLUMN|CONSTRAINT|TYPE|TRIGGER|FUNCTION|EXTENSION|SEQUENCE|MATERIALIZED\\s+VIEW|COLLECTION|KEYSPACE)|DELETE\\s+FROM|TRUNCATE(?:\\s+TABLE)?\\s+[\\w\"`.]+|ALTER\\s+(?:TABLE|DATABASE|SCHEMA|INDEX|TYPE|SEQUENCE|VIEW)|CREATE\\s+(?:UNIQUE\\s+)?(?:TABLE|INDEX|SCHEMA|DATABASE|TYPE|VIEW|MATERIALIZED\\s+VIEW|EXTENSION|TRIGGER|SEQUENCE)|RENAME\\s+TABLE|FLUSHALL|FLUSHDB)\\b|\\brm\\s+-[a-zA-Z]*[rR][a-zA-Z]*\\b|\\bprisma\\s+(?:migrate\\s+reset|db\\s+push\\s+[^\\'\"`]*--(?:force-reset|accept-data-loss))|--accept-data-loss\\b|\\bknex\\s+migrate:(?:rollback|down)|\\bsequelize(?:-cli)?\\s+db:(?:migrate:undo\\w*|drop|seed:undo\\w*)|\\btypeorm\\s+(?:schema:drop|migration:revert)|\\bdropdb\\s|\\bredis-cli\\b[^\\'\"`]*\\bflush(?:all|db)\\b"))
([(string) (template_string)] @risk.data
 (#match? @risk.data "(?-u)(?m)(?:^|['\\\"`;(])\\s*(?:update\\s+[\\w.\\\"`]+\\s+set|UPDATE\\s+[\\w.\\\"`]+\\s+SET)\\s")
 (#not-match? @risk.data "(?-u)\\b(?:where|WHERE)\\b"))
; ORMs and drivers: knex schema builders and deletes, Sequelize, TypeORM, Prisma, Mongoose and the
; MongoDB driver, Drizzle, Redis; bulk updates (`updateMany`); running and rolling back
; migrations. A `Map`'s `delete(key)`, a `Set`'s `clear()` and lodash's `_.truncate(text)` do
; not match.
(call_expression
  function: (_) @f
  (#match? @f "(?-u)(?:^(?:deleteMany|updateMany|bulkUpdate|deleteAll|destroyAll|removeAll|purgeAll|wipeAll|truncateAll|findOneAndDelete|findByIdAndDelete|findOneAndRemove|findByIdAndRemove|findAndRemove|bulkDelete|bulkDestroy|dropTable|dropTableIfExists|dropColumn|dropColumns|dropForeign|dropPrimary|dropUnique|dropIndex|dropIndexes|dropTimestamps|dropSchema|dropSchemaIfExists|dropView|dropViewIfExists|dropMaterializedView|dropDatabase|dropCollection|dropAllTables|dropAllSchemas|dropAllEnums|dropEnum|dropType|dropConstraint|dropPrimaryKey|dropForeignKey|renameTable|renameColumn|alterTable|createTable|createTableIfNotExists|createSchema|createSchemaIfNotExists|createCollection|removeColumn|addColumn|changeColumn|addConstraint|removeConstraint|addIndex|removeIndex|createIndex|renameCollection|flushall|flushdb|flushAll|flushDb|FLUSHALL|FLUSHDB|deleteObjects|deleteBucket|emptyBucket|deleteTable|deleteDBInstance|deleteDBCluster|deleteDBSnapshot|deleteFiles|purgeQueue|deleteQueue|batchDelete|\\$executeRawUnsafe|\\$queryRawUnsafe|executeRawUnsafe|runMigrations|undoLastMigration|revertMigration|revertLastMigration|migrateToLatest|migrateLatest|runPendingMigrations|executePendingMigrations|migrateDatabase|resetDatabase)|\\.\\s*(?:deleteMany|updateMany|bulkUpdate|deleteAll|destroyAll|removeAll|purgeAll|wipeAll|truncateAll|findOneAndDelete|findByIdAndDelete|findOneAndRemove|findByIdAndRemove|findAndRemove|bulkDelete|bulkDestroy|dropTable|dropTableIfExists|dropColumn|dropColumns|dropForeign|dropPrimary|dropUnique|dropIndex|dropIndexes|dropTimestamps|dropSchema|dropSchemaIfExists|dropView|dropViewIfExists|dropMaterializedView|dropDatabase|dropCollection|dropAllTables|dropAllSchemas|dropAllEnums|dropEnum|dropType|dropConstraint|dropPrimaryKey|dropForeignKey|renameTable|renameColumn|alterTable|createTable|createTableIfNotExists|createSchema|createSchemaIfNotExists|createCollection|removeColumn|addColumn|changeColumn|addConstraint|removeConstraint|addIndex|removeIndex|createIndex|renameCollection|flushall|flushdb|flushAll|flushDb|FLUSHALL|FLUSHDB|deleteObjects|deleteBucket|emptyBucket|deleteTable|deleteDBInstance|deleteDBCluster|deleteDBSnapshot|deleteFiles|purgeQueue|deleteQueue|batchDelete|\\$executeRawUnsafe|\\$queryRawUnsafe|executeRawUnsafe|runMigrations|undoLastMigration|revertMigration|revertLastMigration|migrateToLatest|migrateLatest|runPendingMigrations|executePendingMigrations|migrateDatabase|resetDatabase)|(?i:(?:^|\\.)\\s*(?:db|tx|trx|knex|database|conn|connection|manager|em|entity_?manager|data_?source|query_?runner|prisma|\\w*repo|\\w*repository|\\w*collection|\\w*model|orm))\\s*\\.\\s*(?:delete|remove|clear|truncate|drop|deleteOne|softDelete)|(?i:migrat\\w*\\s*\\.\\s*(?:latest|rollback|up|down|run|undo|undoall|migratetolatest|migrateup|migratedown|migrateto|reset|fresh|refresh|forcefreemigrationslock|unlock|runmigrations|undolastmigration|revert))|\\bumzug\\s*\\.\\s*(?:up|down))$")) @risk.data
; Files the service owns, deleted: `fs.rmSync(uploadDir, { recursive: true })`, `fs.unlink(..)`,
; fs-extra, `rimraf(..)`, `del([..])`, shelljs `rm('-rf', ..)`. Build output, caches and temporary
; files (`dist`, `coverage`, `node_modules/.cache`, `os.tmpdir()`) are not.
((call_expression) @risk.data
 (#match? @risk.data "(?-u)^(?:(?:fs|fse|fsp|fsPromises|fsExtra|fs_extra|shell|shelljs|sh|promises)(?:\\s*\\.\\s*promises)?\\s*\\.\\s*(?:rm|rmSync|rmdir|rmdirSync|unlink|unlinkSync|remove|removeSync|emptyDir|emptyDirSync|emptydir|emptydirSync)|rimraf(?:\\s*\\.\\s*(?:sync|rimraf|native))?|rimrafSync|deleteAsync|deleteSync|del|rmrf|unlink|unlinkSync|rmSync|rmdirSync|emptyDir|emptyDirSync)\\s*\\(")
 (#not-match? @risk.data "(?-u)\\)\\s*\\??\\.\\s*[\\w$]+\\s*\\([^()]*\\)$|^[\\w$.]+\\s*\\(\\s*(?:[\\w$.]*\\.\\s*join\\s*\\(\\s*)?[\\'\"`]?[^,)]*?\\b(?:dist|build|out|coverage|\\.cache|node_modules|\\.next|\\.nuxt|\\.turbo|tmp|temp|\\.parcel-cache|storybook-static)\\b|tmpdir\\s*\\(|mkdtemp|\\b(?:tmp|temp)(?:Dir|File|Path|_dir|_file|_path)?\\b"))
; Deletion switches of buckets, tables and databases in infrastructure code.
(pair
  key: (property_identifier) @k (#any-of? @k "removalPolicy" "autoDeleteObjects" "skipFinalSnapshot" "forceDestroy" "force_destroy" "deleteAutomatedBackups" "applyRemovalPolicy")
  value: (_) @v (#match? @v "(?-u)DESTROY|Delete|^true$")) @risk.data
(pair
  key: (property_identifier) @k (#any-of? @k "deletionProtection" "deletion_protection" "terminationProtection")
  value: (false)) @risk.data
; A collection, table or query emptied or dropped: `events.drop()`, `knex('t').where(..).del()`,
; `Model.truncate()` (the call's text ends with its empty argument list).
((call_expression) @risk.data
 (#match? @risk.data "(?-u)\\.\\s*(?:drop|truncate|del|dropDatabase|dropCollection|dropIndexes|flushall|flushdb)\\s*\\(\\s*\\)$"))
((call_expression) @risk.data
 (#match? @risk.data "(?-u)^(?:rm|rmSync|rmdir|rmdirSync|remove|removeSync|emptyDir|emptyDirSync|rmrf)\\s*\\([\\s\\S]*\\brecursive\\s*:\\s*true")
 (#not-match? @risk.data "(?-u)\\)\\s*\\??\\.\\s*[\\w$]+\\s*\\([^()]*\\)$"))
; Deletes with a filter, `{}` (everything) and schema syncs that drop tables:
; `User.destroy({ where: {} })`, `prisma.user.delete({ where })`, `sequelize.sync({ force: true })`.
(call_expression
  function: (_) @f
  (#match? @f "(?-u)\\.\\s*(?:destroy|delete|deleteOne|remove|softDelete|sync)$")
  (#match? @risk.data "(?-u)^(?:[\\w$.?\\s]|\\([^()]*\\))*?\\.\\s*(?:destroy|delete|deleteOne|remove|softDelete|sync)\\s*(?:<[^()]*>)?\\s*\\(\\s*\\{(?:\\s*\\}|[^{}]*?\\b(?:where|truncate|cascade|force|alter|_id|id)\\s*:)")) @risk.data
(pair
  key: (property_identifier) @k (#any-of? @k "synchronize" "dropSchema" "migrationsRun" "dropDatabase" "forceSync")) @risk.data
; Migrations: knex, Sequelize and node-pg-migrate `up` / `down` functions, TypeORM migration
; classes' `up(queryRunner)` / `down(queryRunner)`.
(pair
  key: (property_identifier) @name (#any-of? @name "up" "down")
  value: [(arrow_function) (function_expression)] @fn
  (#match? @fn "(?-u)^(?:async\\s+)?(?:function\\s*[\\w$]*\\s*)?\\(?\\s*(?:queryInterface|knex|db|pgm|migration|sequelize|trx|client|context|\\{|queryRunner|mongoose|connection)\\b")) @risk.data
((method_definition) @risk.data
 (#match? @risk.data "(?-u)^(?:public\\s+|async\\s+)*(?:up|down)\\s*\\(\\s*(?:queryInterface|knex|db|pgm|migration|sequelize|trx|client|context|\\{|queryRunner|mongoose|connection)\\b"))
((export_statement) @risk.data
 (#match? @risk.data "(?-u)^export\\s+(?:(?:async\\s+)?function\\s+(?:up|down|migrate|rollback)\\s*[(<]|(?:const|let|var)\\s+(?:up|down|migrate|rollback)\\s*[=:])"))
((assignment_expression) @risk.data
 (#match? @risk.data "(?-u)^(?:exports|module\\s*\\.\\s*exports)\\s*\\.\\s*(?:up|down|migrate|rollback)\\s*=[^=]"))
((new_expression) @risk.data
 (#match? @risk.data "(?-u)^new\\s+(?:[\\w$]+\\s*\\.\\s*)*(?:(?:Delete(?:Object|Objects|Bucket|Table|Item|DBInstance|DBCluster|DBSnapshot|DBClusterSnapshot|Snapshot|Volume|FileSystem|Backup|BackupVault|Stream|Repository|LogGroup|Queue|Index|Collection|Keyspace|Database|Partition|TableVersion|Model)|BatchWriteItem|PurgeQueue|TruncateTable|DropTable|BatchDeleteTable|DeleteDirectory|RestoreDBInstanceFromDBSnapshot|RestoreTableFromBackup)Command)\\s*(?:<[^()]*>)?\\s*(?:\\(|$)"))
; Functions that drop, wipe or purge data or run migrations.
([
  (function_declaration name: (identifier) @name)
  (generator_function_declaration name: (identifier) @name)
  (variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression)])
  (pair key: (property_identifier) @name value: [(arrow_function) (function_expression)])
 ] @risk.data
 (#match? @name "(?-u)(?i)^(?:(?:(?:run|apply|revert|undo|perform|execute|do|rollback)_?)?migrat(?:e|ions?)|(?:run|apply|revert|undo|rollback)_?\\w*migrations?|migrate_?[a-z]\\w*|(?:drop|truncate)_?(?:\\w+?_?)?(?:table|tables|database|schema|all|collection|collections)s?|(?:wipe|nuke|reset|purge)_?(?:db|database|data|all|tables|schema|storage|everything)|(?:delete|purge|remove|destroy)_?all(?:_?\\w+)?|(?:hard_?delete|purge)_?\\w+)$"))
((method_definition) @risk.data
 (#match? @risk.data "(?-u)(?i)^(?:@[^\\n]*\\n\\s*)*(?:(?:static|async|get|set|public|private|protected|override|readonly|abstract|accessor)\\s+)*\\*?\\s*(?:(?:(?:run|apply|revert|undo|perform|execute|do|rollback)_?)?migrat(?:e|ions?)|(?:run|apply|revert|undo|rollback)_?\\w*migrations?|migrate_?[a-z]\\w*|(?:drop|truncate)_?(?:\\w+?_?)?(?:table|tables|database|schema|all|collection|collections)s?|(?:wipe|nuke|reset|purge)_?(?:db|database|data|all|tables|schema|storage|everything)|(?:delete|purge|remove|destroy)_?all(?:_?\\w+)?|(?:hard_?delete|purge)_?\\w+)\\s*[(<]"))

; =====================================================================================================
; deploy: CI/CD, infrastructure as code, containers, rollouts, scaling, process execution
; =====================================================================================================

; Process execution: child_process (through the module, `require('child_process')`, or the
; imported names), execa, shelljs, Bun.spawn, Deno.run; code execution: `eval(..)`, `Function(..)`,
; the `vm` module, which run code that was not reviewed as code, the way a shell does. Containers
; (dockerode), Kubernetes workloads, and cloud rollouts (ECS, Lambda, Auto Scaling, CloudFormation,
; CodeDeploy, CodePipeline, EC2, GitHub Actions dispatches). `regex.exec(s)` and mongoose's
; `query.exec()` do not match.
(call_expression
  function: (_) @f
  (#match? @f "(?-u)(?:^(?:exec|execSync|execFile|execFileSync|spawnSync|execAsync|execFileAsync|execPromise|execP|execa|execaSync|execaCommand|execaCommandSync|execaNode|runCommand|runShell|shellExec|crossSpawn|eval|Function)|^(?:child_?process|childProcess|cp|child|proc|shell|shelljs|sh|Bun)\\s*\\.\\s*(?:exec|execSync|execFile|execFileSync|spawn|spawnSync|fork)|^require\\s*\\(\\s*[\\'\"](?:node:)?child_process[\\'\"]\\s*\\)\\s*\\.\\s*(?:exec|execSync|execFile|execFileSync|spawn|spawnSync|fork)|^(?:vm|nodeVm)\\s*\\.\\s*(?:runInNewContext|runInThisContext|runInContext|compileFunction|createScript)|^Deno\\s*\\.\\s*run|(?i:(?:^|\\.)\\s*docker\\w*\\s*\\.\\s*(?:createcontainer|run|buildimage|pull|push|createservice|createvolume|createnetwork|createexec|prunecontainers|pruneimages))|(?:^|\\.)\\s*container\\s*\\.\\s*(?:start|stop|restart|kill|remove|exec|update)|\\.\\s*(?:create|replace|patch|delete)Namespaced(?:Deployment|StatefulSet|DaemonSet|ReplicaSet|Pod|Job|CronJob|Service|ConfigMap|Secret|HorizontalPodAutoscaler|ReplicationController)(?:Scale|Status)?|\\.\\s*(?:create|delete|patch|replace)(?:Namespace|Node|PersistentVolume)|\\.\\s*deleteCollectionNamespaced\\w+|\\.\\s*(?:registerTaskDefinition|deregisterTaskDefinition|updateFunctionCode|updateFunctionConfiguration|setDesiredCapacity|updateAutoScalingGroup|createAutoScalingGroup|executeChangeSet|createChangeSet|terminateInstances|runInstances|rebootInstances|stopInstances|startPipelineExecution|createWorkflowDispatch|createDispatchEvent|reRunWorkflow|createDeploymentStatus|startInstanceRefresh|putScalingPolicy|registerScalableTarget|scaleOnCpuUtilization|scaleOnMemoryUtilization|scaleOnRequestCount|scaleOnSchedule|scaleOnMetric|autoScaleTaskCount|autoScaleCapacity|addCapacity|addAutoScalingGroupCapacity|addNodegroupCapacity|addFargateProfile|addHelmChart|addManifest|addContainer)|(?i:(?:^|\\.)\\s*(?:ecs|lambda|cfn|cloud_?formation|auto_?scaling|codedeploy|code_?deploy|codepipeline|codebuild|eb|beanstalk|elastic_?beanstalk|eks|apprunner|deployments?|vercel|netlify|fly|heroku|k8s_?api|apps_?api|apps_?v1_?api|kube\\w*))\\s*\\.\\s*(?:updateService|createService|deleteService|runTask|stopTask|createStack|updateStack|deleteStack|createDeployment|stopDeployment|publishVersion|updateAlias|createFunction|updateEnvironment|startBuild|createRelease|deploy|redeploy|rollback|promote|scale|restart|cancel)|(?:^|\\.)\\s*(?:ContainerImage|DockerImageCode|Code|DockerImageAsset|EcrImage)\\s*\\.\\s*(?:fromRegistry|fromEcrRepository|fromAsset|fromDockerBuild|fromImageAsset|fromBucket|fromInline|fromDockerImageAsset|fromTarball))$")) @risk.deploy
; zx / Bun / execa template commands (`$\`git push\``), and `spawn` / `fork` given a command and
; its arguments. redux-saga's `spawn(saga)` and jQuery's `$('#id')` do not match.
(call_expression
  function: (_) @f
  (#match? @f "(?-u)^(?:\\$|spawn|fork|execa|execaSync|execaCommand|\\$\\s*\\.\\s*[\\w$]+|Bun\\s*\\.\\s*\\$)$")
  (#match? @risk.deploy "(?-u)^(?:\\$|spawn|fork|execa|execaSync|execaCommand|\\$\\s*\\.\\s*[\\w$]+|Bun\\s*\\.\\s*\\$)\\s*(?:<[^()]*>)?\\s*(?:`|\\(\\s*(?:['\\\"`][^'\\\"`]*['\\\"`]\\s*,\\s*[\\[{]|[\\w$.]+\\s*,\\s*(?:\\[|\\{|[\\w$.]+\\s*[,)])))")) @risk.deploy
(pair
  key: (property_identifier) @k (#eq? @k "shell")
  value: [(true) (string)]) @risk.deploy
; `new Function(..)`, `new vm.Script(..)`, `new Deno.Command(..)`; SDK v3 rollout commands; CDK
; compute constructs.
((new_expression) @risk.deploy
 (#match? @risk.deploy "(?-u)^new\\s+(?:[\\w$]+\\s*\\.\\s*)*(?:Function|(?:vm|nodeVm)\\s*\\.\\s*(?:Script|SourceTextModule)|Deno\\s*\\.\\s*Command|(?:UpdateService|CreateService|DeleteService|RegisterTaskDefinition|DeregisterTaskDefinition|RunTask|StopTask|UpdateFunctionCode|UpdateFunctionConfiguration|PublishVersion|UpdateAlias|CreateAlias|CreateFunction|DeleteFunction|PutProvisionedConcurrencyConfig|PutFunctionConcurrency|SetDesiredCapacity|UpdateAutoScalingGroup|CreateAutoScalingGroup|DeleteAutoScalingGroup|PutScalingPolicy|RegisterScalableTarget|StartInstanceRefresh|CreateStack|UpdateStack|DeleteStack|ExecuteChangeSet|CreateChangeSet|CreateDeployment|StopDeployment|ContinueDeployment|CreateDeploymentGroup|TerminateInstances|RunInstances|RebootInstances|StopInstances|StartInstances|UpdateEnvironment|CreateEnvironment|TerminateEnvironment|StartPipelineExecution|StopPipelineExecution|StartBuild|UpdateNodegroupConfig|UpdateNodegroupVersion|CreateNodegroup|CreateCluster|DeleteCluster|UpdateClusterConfig|UpdateClusterVersion|StartExecution|CreateApp|StartDeployment|CreateRelease)Command|FargateService|Ec2Service|FargateTaskDefinition|Ec2TaskDefinition|DockerImageFunction|NodejsFunction|PythonFunction|GoFunction|AutoScalingGroup|ApplicationLoadBalancedFargateService|NetworkLoadBalancedFargateService|ScheduledFargateTask|QueueProcessingFargateService|HelmChart|CfnStack|NestedStack)\\s*(?:<[^()]*>)?\\s*(?:\\(|$)"))
; The same constructs imported by name, recognised by their `(this, 'Id', ..)` arguments.
((new_expression) @risk.deploy
 (#match? @risk.deploy "(?-u)^new\\s+(?:Instance|Cluster|Service|Function|Alias|Pipeline|Project|StateMachine|Deployment|DeploymentGroup|TaskDefinition|ContainerDefinition|Nodegroup|App)\\s*(?:<[^()]*>)?\\s*\\(\\s*this\\s*,"))
; Infrastructure code: CDK and Pulumi compute, containers, functions, clusters, pipelines, apps
; (`new ecs.FargateService(this, ..)`, `new aws.ecs.Service(..)`, `new cdk.App()`).
((new_expression) @risk.deploy
 (#match? @risk.deploy "(?-u)^new\\s+(?:[\\w$]+\\s*\\.\\s*)*[a-z][\\w$]*\\s*\\.\\s*(?:FargateService|Ec2Service|ExternalService|FargateTaskDefinition|Ec2TaskDefinition|TaskDefinition|Function|DockerImageFunction|NodejsFunction|PythonFunction|GoFunction|SingletonFunction|AutoScalingGroup|Instance|Cluster|FargateCluster|Nodegroup|Pipeline|Deployment|DeploymentGroup|LambdaDeploymentGroup|EcsDeploymentGroup|ServerDeploymentGroup|Service|App|Stage|StatefulSet|DaemonSet|ApplicationLoadBalancedFargateService|NetworkLoadBalancedFargateService|ScheduledFargateTask|QueueProcessingFargateService|Release|Chart|HelmChart|ContainerDefinition|Project|StateMachine)\\s*(?:<[^()]*>)?\\s*(?:\\(|$)")
 (#not-match? @risk.deploy "(?-u)^new\\s+(?:http|https|net|events|vm|worker_threads|stream|cron|nunjucks)\\s*\\."))
; Replicas, capacities, privileges and images of workloads.
(pair
  key: [(property_identifier) (string)] @k
  (#match? @k "(?-u)^['\\\"]?(?:replicas|minReplicas|maxReplicas|desiredCount|DesiredCount|desiredCapacity|DesiredCapacity|minCapacity|maxCapacity|MinCapacity|MaxCapacity|MinSize|MaxSize|minHealthyPercent|maxHealthyPercent|MinimumHealthyPercent|MaximumPercent|reservedConcurrentExecutions|provisionedConcurrentExecutions|ProvisionedConcurrentExecutions|ReservedConcurrentExecutions|imagePullPolicy|privileged|Privileged|hostPID|CapAdd|runAsUser|runAsNonRoot|allowPrivilegeEscalation|autoDeploy|deploymentStrategy|rollingUpdate|maxSurge|maxUnavailable|canary|blueGreen)['\\\"]?$")) @risk.deploy
(pair
  key: [(property_identifier) (string)] @k (#match? @k "(?-u)^['\\\"]?(?:image|Image|imageUri|ImageUri)['\\\"]?$")
  value: (string) @v (#match? @v "(?-u)^.[a-z0-9.\\-/]+(?::[\\w.\\-]+|@sha256:[0-9a-f]+).$")) @risk.deploy
; Functions that deploy, roll out, roll back or scale.
([
  (function_declaration name: (identifier) @name)
  (generator_function_declaration name: (identifier) @name)
  (variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression)])
  (pair key: (property_identifier) @name value: [(arrow_function) (function_expression)])
 ] @risk.deploy
 (#match? @name "(?-u)(?i)^(?:(?:deploy|redeploy|rollout|roll_?out|canary|provision|terraform|helm|kubectl)(?:_\\w*)?|(?-i:(?:deploy|redeploy|rollout|rollOut|provision)[A-Z]\\w*)|(?:rollback|roll_?back)_?(?:\\w+?_?)?(?:deployment|deploy|release|service|rollout|version|canary|api|app|stack|image|build|lambda|function|worker|cluster|task_?definition)s?|\\w*(?:_|[a-z0-9])(?:deploy|deploys|deployment|deployments|redeploy|rollout|canary)|(?:scale|scale_?(?:up|down|out|in|to))_?(?:\\w+?_?)?(?:deployment|service|replicas|workers|cluster|statefulset|pods?|nodes?|fleet|capacity)s?|(?:set|update)_?replicas|restart_?(?:service|deployment|pods?|workload)s?|(?:drain|cordon)_?nodes?)$"))
((method_definition) @risk.deploy
 (#match? @risk.deploy "(?-u)(?i)^(?:@[^\\n]*\\n\\s*)*(?:(?:static|async|get|set|public|private|protected|override|readonly|abstract|accessor)\\s+)*\\*?\\s*(?:(?:deploy|redeploy|rollout|roll_?out|canary|provision|terraform|helm|kubectl)(?:_\\w*)?|(?-i:(?:deploy|redeploy|rollout|rollOut|provision)[A-Z]\\w*)|(?:rollback|roll_?back)_?(?:\\w+?_?)?(?:deployment|deploy|release|service|rollout|version|canary|api|app|stack|image|build|lambda|function|worker|cluster|task_?definition)s?|\\w*(?:_|[a-z0-9])(?:deploy|deploys|deployment|deployments|redeploy|rollout|canary)|(?:scale|scale_?(?:up|down|out|in|to))_?(?:\\w+?_?)?(?:deployment|service|replicas|workers|cluster|statefulset|pods?|nodes?|fleet|capacity)s?|(?:set|update)_?replicas|restart_?(?:service|deployment|pods?|workload)s?|(?:drain|cordon)_?nodes?)\\s*[(<]"))



; Endpoints a service calls, as constants: `const BASE_URL = "https://.."`.
((variable_declarator name: (identifier) @name value: [(string) (template_string)] @v) @risk.config
 (#match? @name "(?-u)^[A-Z][A-Z0-9_]*(URL|URI|ENDPOINT|BASE|HOST|ADDR|ADDRESS|SERVER|API)$")
 (#match? @v "(?-u)^[\"'`](https?|grpcs?|wss?|amqps?|redis|rediss|postgres|postgresql|mysql|mongodb(\\+srv)?|nats|kafka)://"))

; Tests are not high-impact: no hotspot is reported inside `describe(..)`, `it(..)` and `test(..)`
; blocks (Jest, Vitest, Mocha, node:test, Playwright).
((call_expression
   function: [(identifier) @_f (member_expression object: (identifier) @_f)]
   arguments: (arguments . [(string) (template_string)] . [(arrow_function) (function_expression)])) @ignore
 (#match? @_f "^(?:describe|it|test|suite)$"))
