; Risk queries for yaml. Capture names say the category: @risk.<category>; @name names the hotspot.
