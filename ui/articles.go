package ui

// ShowAddArticle asks for an article file to add.
func (a *App) ShowAddArticle() {}

// ShowRemoveArticle asks which added article to remove.
func (a *App) ShowRemoveArticle() {}

// articleLines describes the bundled and added articles.
func (a *App) articleLines() []string { return nil }
