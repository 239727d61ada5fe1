; Risk queries for dockerfile. Capture names say the category: @risk.<category>; @name names the hotspot.
