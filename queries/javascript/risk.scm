; Risk queries for javascript. Capture names say the category: @risk.<category>; @name names the hotspot.
