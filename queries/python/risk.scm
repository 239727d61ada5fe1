; Risk queries for python. Capture names say the category: @risk.<category>; @name names the hotspot.
