; benches/compare: the six Rust rules that ast-grep (rules/ast-grep) and Semgrep (rules/semgrep)
; also run, as a redline repository query. No `; extends` line: this file replaces the built-in
; Rust queries, so `redline check` runs exactly these six patterns.
; Written in the style of queries/rust/risk.scm (callee text matched by an anchored regex).

; R1 memory: an `unsafe { .. }` block.
(unsafe_block "unsafe") @risk.memory

; R2 deploy: `Command::new(..)` under any path (`std::process::Command::new`, `tokio::process::..`).
(call_expression
  function: (scoped_identifier) @fn
  (#match? @fn "(?-u)(^|::)Command::new$")) @risk.deploy

; R3 data: `remove_dir_all(..)`, bare or under any path (`std::fs::remove_dir_all`).
(call_expression
  function: [(identifier) (scoped_identifier)] @fn
  (#match? @fn "(?-u)(^|::)remove_dir_all$")) @risk.data

; R4 crypto: `.danger_accept_invalid_certs(true)` on any receiver.
(call_expression
  function: (field_expression) @f
  (#match? @f "(?-u)\\.\\s*danger_accept_invalid_certs$")
  arguments: (arguments) @a
  (#match? @a "(?-u)^\\(\\s*true\\s*\\)$")) @risk.crypto

; R5 secrets: a `const` whose name says secret, password, API key, token or private key, set to a
; string literal.
(const_item
  name: (identifier) @name
  value: (string_literal)
  (#match? @name "^[A-Z0-9_]*(SECRET|PASSWORD|PASSWD|API_?KEY|TOKEN|PRIVATE_KEY)[A-Z0-9_]*$")) @risk.secrets

; R6 network: a listener bound to every interface: `..::bind("0.0.0.0..")` or `x.bind("0.0.0.0..")`.
(call_expression
  function: [(scoped_identifier) (field_expression)] @f
  (#match? @f "(?-u)(::|\\.)\\s*bind$")
  arguments: (arguments . (string_literal) @a)
  (#match? @a "(?-u)^\"0\\.0\\.0\\.0")) @risk.network
