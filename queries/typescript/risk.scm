; Risk queries for typescript. Capture names say the category: @risk.<category>; @name names the hotspot.
