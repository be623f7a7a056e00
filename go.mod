module cstomap

go 1.26.0

require (
	fyne.io/fyne/v2 v2.7.1 // indirect
	github.com/fogleman/gg v1.3.0 // indirect
	github.com/golang/freetype v0.0.0-20170609003504-e2365dfdc4a0 // indirect
	github.com/google/renameio/v2 v2.0.2 // indirect
	github.com/lithammer/fuzzysearch v1.1.8 // indirect
	github.com/paulmach/orb v0.14.0 // indirect
	github.com/stretchr/testify v1.12.1 // indirect
	golang.org/x/image v0.48.0 // indirect
)
