; Risk queries for json. Capture names say the category: @risk.<category>; @name names the hotspot.
