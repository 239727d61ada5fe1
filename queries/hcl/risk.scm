; Risk queries for hcl. Capture names say the category: @risk.<category>; @name names the hotspot.
