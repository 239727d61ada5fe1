; Risk queries for java. Capture names say the category: @risk.<category>; @name names the hotspot.
