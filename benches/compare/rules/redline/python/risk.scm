; benches/compare: the six Python rules that ast-grep (rules/ast-grep) and Semgrep (rules/semgrep)
; also run, as a redline repository query. No `; extends` line: this file replaces the built-in
; Python queries, so `redline check` runs exactly these six patterns.

; P1 deploy: `subprocess.<fn>(.., shell=True, ..)`.
(call
  function: (attribute) @f
  (#match? @f "(?-u)^subprocess\\s*\\.\\s*\\w+$")
  arguments: (argument_list
    (keyword_argument name: (identifier) @k value: (true))
    (#eq? @k "shell"))) @risk.deploy

; P2 crypto: `verify=False` passed to any call (requests, httpx, ...).
(call
  arguments: (argument_list
    (keyword_argument name: (identifier) @k value: (false))
    (#eq? @k "verify"))) @risk.crypto

; P3 data: `shutil.rmtree(..)`.
(call
  function: (attribute) @f
  (#match? @f "(?-u)^shutil\\s*\\.\\s*rmtree$")) @risk.data

; P4 config: `os.environ.get(..)`.
(call
  function: (attribute) @f
  (#match? @f "(?-u)^os\\s*\\.\\s*environ\\s*\\.\\s*get$")) @risk.config

; P5 iam: `boto3.client("iam", ..)`.
(call
  function: (attribute) @f
  (#match? @f "(?-u)^boto3\\s*\\.\\s*client$")
  arguments: (argument_list . (string) @s)
  (#match? @s "(?-u)^[\"']iam[\"']$")) @risk.iam

; P6 deploy: `os.system(..)`.
(call
  function: (attribute) @f
  (#match? @f "(?-u)^os\\s*\\.\\s*system$")) @risk.deploy
