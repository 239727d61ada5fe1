; Risk queries for javascript, after queries/ecma/risk.scm (the patterns shared with the other ECMAScript grammars).
; =====================================================================================================
; JavaScript grammar: class fields, class heritage, JSX
; =====================================================================================================

; secrets: a credential in a class field: `apiKey = 'sk_live_..'`.
((field_definition property: (property_identifier) @name value: (string) @v) @risk.secrets
 (#match? @name "(?-u)(?i)(?:password|passwd|passphrase|pwd|secret|secret_?or_?(?:public_?)?key|api[_-]?key|apikey|access_?key(?:_?id)?|private_?key|token|credentials?|creds|signing_?key|encryption_?key|master_?key|hmac_?key|webhook_?secret|client_?secret)[\\'\"]?$|^[\\'\"]?(?:pass|db_?pass|smtp_?pass|user_?pass|admin_?pass|root_?pass|mail_?pass|auth_?pass)[\\'\"]?$")
 (#not-match? @name "(?-u)(?i)^[\\'\"]?(?:next|page|pagination|continuation|cancel|cancellation|sync|cursor|resume|lexer|parser|current|peek|prev|previous|last|first|csrf|xsrf|device|push|fcm|apns|expo|max|min|show|hide|toggle|has|is|with|use|no|require|requires)_?(?:token|password|secret|key|credentials?)[\\'\"]?$")
 (#not-match? @v "(?-u)^[\\'\"`](?:|(?-i:[A-Z][A-Z0-9_]{2,})|<[^\\'\"`]*>|\\$\\{[^}]*\\}|\\{\\{[^}]*\\}\\}|[*x.]+|(?i:bearer|basic|token|digest) ?|include|omit|same-origin|true|false|null|undefined|none|(?i:your[_ -][\\w -]*|xxx\\w*|todo|placeholder|redacted|dummy|example|changeme-in-prod\\w*)|(?i:(?:x-)?(?:api|auth|access|refresh|id|session|csrf|xsrf|bearer|user|new|old|current|confirm)?[-_]?(?:token|key|secret|password|passwd|pass|pwd|credentials?)s?)|[A-Z][^\\'\"`]*\\s[^\\'\"`]*|[^\\'\"`]*[A-Za-z][.?!:])[\\'\"`]$"))
; auth: passport strategies and Nest guards by what they extend: `extends PassportStrategy(Strategy)`.
((class_declaration) @risk.auth
 (#match? @risk.auth "(?-u)(?i)^(?:@[^\\n]*\\n\\s*)*(?:export\\s+)?(?:default\\s+)?(?:abstract\\s+)?class\\s+[\\w$]+\\s+extends\\s+(?:PassportStrategy|AuthGuard|MixinAuthGuard)\\s*\\("))

; auth: session providers and the components that guard routes (`<SessionProvider>`,
; `<ProtectedRoute>`, Clerk's `<SignedIn>` / `<Protect role="admin">`).
([(jsx_opening_element) (jsx_self_closing_element)] @risk.auth
 (#match? @risk.auth "(?-u)^<\\s*(?:SessionProvider|ClerkProvider|Auth0Provider|AuthProvider|KindeProvider|SupabaseAuthProvider|MsalProvider|SignedIn|SignedOut|Protect|RedirectToSignIn|RedirectToSignUp|RequireAuth|RequireAdmin|ProtectedRoute|PrivateRoute|AdminRoute|AuthGuard|RoleGuard|Authenticated|Unauthenticated|AuthenticatedTemplate|UnauthenticatedTemplate|MsalAuthenticationTemplate|Authenticator)\\b"))
; secrets: a credential in a JSX attribute: `<Analytics writeKey="..." />`, `<Map apiKey="..." />`.
((jsx_attribute (property_identifier) @name (string) @v) @risk.secrets
 (#match? @name "(?-u)(?i)(?:password|passwd|passphrase|pwd|secret|secret_?or_?(?:public_?)?key|api[_-]?key|apikey|access_?key(?:_?id)?|private_?key|token|credentials?|creds|signing_?key|encryption_?key|master_?key|hmac_?key|webhook_?secret|client_?secret)[\\'\"]?$|^[\\'\"]?(?:pass|db_?pass|smtp_?pass|user_?pass|admin_?pass|root_?pass|mail_?pass|auth_?pass)[\\'\"]?$")
 (#not-match? @name "(?-u)(?i)^[\\'\"]?(?:next|page|pagination|continuation|cancel|cancellation|sync|cursor|resume|lexer|parser|current|peek|prev|previous|last|first|csrf|xsrf|device|push|fcm|apns|expo|max|min|show|hide|toggle|has|is|with|use|no|require|requires)_?(?:token|password|secret|key|credentials?)[\\'\"]?$")
 (#not-match? @v "(?-u)^[\\'\"`](?:|(?-i:[A-Z][A-Z0-9_]{2,})|<[^\\'\"`]*>|\\$\\{[^}]*\\}|\\{\\{[^}]*\\}\\}|[*x.]+|(?i:bearer|basic|token|digest) ?|include|omit|same-origin|true|false|null|undefined|none|(?i:your[_ -][\\w -]*|xxx\\w*|todo|placeholder|redacted|dummy|example|changeme-in-prod\\w*)|(?i:(?:x-)?(?:api|auth|access|refresh|id|session|csrf|xsrf|bearer|user|new|old|current|confirm)?[-_]?(?:token|key|secret|password|passwd|pass|pwd|credentials?)s?)|[A-Z][^\\'\"`]*\\s[^\\'\"`]*|[^\\'\"`]*[A-Za-z][.?!:])[\\'\"`]$"))
