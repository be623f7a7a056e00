// Package passages splits news articles into passages (headline, summary
// bullets, section headings, paragraphs, photo captions) and links each
// passage to the countries it mentions.
//
// The pieces:
//
//   - [ParseArticle] classifies a scraped plain-text article (the bundled
//     seeds) and [ParseUserArticle] reads a file a user opens (plain text or
//     Markdown, with optional metadata at the top).
//   - [ParseAliases] reads the alias data (country names, demonyms, places,
//     leaders, and region terms such as "Central Asia"); the data lives in
//     seeds/aliases.json, not in Go code.
//   - [Index] finds, once per article at [Index.Add] time, every alias
//     mentioned in every passage, so that [Index.For] is a lookup.
//   - [Markdown], [Highlight], [WriteJSON] and [WriteText] present matches.
//
// The package is pure Go and never imports Fyne; the UI turns [Markdown] or
// [Highlight] output into widgets.
//
// # Matching rules
//
// An alias matches as a whole word and case-sensitively: "Russia" matches in
// "Russia's", "Russia’s" and "anti-Russia" but not in "Russian" (which is an
// alias of its own); "US" matches the upper-case word only, never "us" or the
// "US" in "USSR". A word character is a Unicode letter, digit or combining
// mark; anything else (space, punctuation, hyphen, apostrophe) is a boundary.
// Inside an alias, a space matches any run of white space (so line breaks and
// no-break spaces are fine), and the apostrophes ' ’ ‘ ʼ match each other.
// When aliases overlap, the one that starts first wins, then the longest:
// "Papua New Guinea" is one mention of PNG, not a mention of GIN. Region
// terms ("Central Asia", "former Soviet states") match with their first
// letter in either case and stand for a list of countries. Phrases listed
// as "ignore" in the alias data ("Indian Ocean", "New Mexico") consume
// their words and link to nothing.
//
// An ambiguous alias carries a rule in the alias data ([AliasRule]) that
// says, from the words around it, when it counts: "Georgia" not after
// "Atlanta," nor before "governor", "Jordan" not next to a capitalised
// name ("Michael Jordan") but still in "Jordan River", "Hague" only after
// "The", "Aliyev" only after "President" or once the article has named
// "Ilham Aliyev". A blocked alias lets a shorter one match in its place.
// Rules that depend on earlier mentions see the article's passages in
// order, so [Index.Add] links an article as a whole.
package passages
