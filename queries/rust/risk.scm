; Risk queries for Rust. Capture names say the category: @risk.<category>; @name names the hotspot.

(function_item
  name: (identifier) @name
  (#match? @name "(?i)(verify|validate|check|authenticate|authorize|login|logout)_?(token|password|jwt|session|credential|signature|permission|access|user)?")) @risk.auth

(unsafe_block) @risk.memory
(function_item (function_modifiers "unsafe") name: (identifier) @name) @risk.memory
