; Risk queries for tsx. Capture names say the category: @risk.<category>; @name names the hotspot.
