; Risk queries for bash. Capture names say the category: @risk.<category>; @name names the hotspot.
