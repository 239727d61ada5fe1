; Risk queries for toml. Capture names say the category: @risk.<category>; @name names the hotspot.
