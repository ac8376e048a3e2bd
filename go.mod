module github.com/ogoh/ogoh

go 1.26.8

require (
	github.com/mattn/go-sqlite3 v1.14.53
	github.com/pelletier/go-toml/v2 v2.4.3
)
