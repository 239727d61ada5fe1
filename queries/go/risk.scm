; Risk queries for go. Capture names say the category: @risk.<category>; @name names the hotspot.
