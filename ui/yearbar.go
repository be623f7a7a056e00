package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Widget = (*YearBar)(nil)

// PlayInterval is the pace of playback: one year per step.
const PlayInterval = 800 * time.Millisecond

// YearBar is the year slider with its play/pause button, buttons to the
// previous and next year in which a status changed, and ticks under the
// years that have events.
type YearBar struct {
	widget.BaseWidget

	Slider    *widget.Slider
	Play      *widget.Button
	Prev      *widget.Button
	Next      *widget.Button
	yearLabel *widget.Label
	ticks     *yearTicks

	// OnAction is a hook that is called after a button of the bar is
	// pressed, so that the window can take the keyboard back.
	OnAction func() `json:"-"`

	onYear      func(int)
	first, last int
	year        int
	changes     []int
	stop        chan struct{} // closed to end playback; nil when paused
}

// NewYearBar returns a year bar that calls onYear with the year the user
// asks for.
func NewYearBar(onYear func(int)) *YearBar {
	b := &YearBar{onYear: onYear, ticks: &yearTicks{}}
	b.Slider = widget.NewSlider(0, 1)
	b.Slider.Step = 1
	b.Slider.OnChanged = func(v float64) {
		if int(v) == b.year {
			return // SetYear moving the slider to the year shown
		}
		b.Pause() // dragging stops playback
		b.onYear(int(v))
	}
	b.Play = widget.NewButtonWithIcon("", theme.MediaPlayIcon(), func() { b.TogglePlay(); b.done() })
	b.Prev = widget.NewButtonWithIcon("", theme.MediaSkipPreviousIcon(), func() { b.Pause(); b.StepChange(-1); b.done() })
	b.Next = widget.NewButtonWithIcon("", theme.MediaSkipNextIcon(), func() { b.Pause(); b.StepChange(1); b.done() })
	b.yearLabel = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	b.ticks.ExtendBaseWidget(b.ticks)
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer is part of fyne.Widget.
func (b *YearBar) CreateRenderer() fyne.WidgetRenderer {
	buttons := container.NewHBox(b.Prev, b.Play, b.Next)
	track := container.NewStack(b.ticks, b.Slider)
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, buttons, b.yearLabel, track))
}

func (b *YearBar) done() {
	if b.OnAction != nil {
		b.OnAction()
	}
}

// SetRange sets the years the slider covers, the years to tick and the
// years in which a status changed.
func (b *YearBar) SetRange(first, last int, eventYears, changeYears []int) {
	b.first, b.last, b.changes = first, last, changeYears
	b.Slider.Min, b.Slider.Max = float64(first), float64(max(last, first+1))
	b.Slider.Refresh() // clamps the value without calling OnChanged
	b.ticks.set(first, last, eventYears)
}

// SetYear shows year on the slider; onYear is not called, as the slider's
// OnChanged sees the year it is given.
func (b *YearBar) SetYear(year int) {
	b.year = year
	b.Slider.SetValue(float64(year))
	b.yearLabel.SetText(strconv.Itoa(year))
	b.Prev.Disable()
	b.Next.Disable()
	if b.changeBefore(year) != 0 {
		b.Prev.Enable()
	}
	if b.changeAfter(year) != 0 {
		b.Next.Enable()
	}
}

// StepChange moves to the previous (dir < 0) or next year in which a status
// changed, if there is one.
func (b *YearBar) StepChange(dir int) {
	y := b.changeAfter(b.year)
	if dir < 0 {
		y = b.changeBefore(b.year)
	}
	if y != 0 {
		b.onYear(y)
	}
}

func (b *YearBar) changeBefore(year int) int {
	for i := len(b.changes) - 1; i >= 0; i-- {
		if c := b.changes[i]; c < year && c >= b.first {
			return c
		}
	}
	return 0
}

func (b *YearBar) changeAfter(year int) int {
	for _, c := range b.changes {
		if c > year && c <= b.last {
			return c
		}
	}
	return 0
}

// Playing reports whether playback is on.
func (b *YearBar) Playing() bool { return b.stop != nil }

// TogglePlay starts or pauses playback. Starting at the last year restarts
// from the first.
func (b *YearBar) TogglePlay() {
	if b.Playing() {
		b.Pause()
		return
	}
	if b.year >= b.last {
		b.onYear(b.first)
	}
	stop := make(chan struct{})
	b.stop = stop
	b.Play.SetIcon(theme.MediaPauseIcon())
	go func() {
		t := time.NewTicker(PlayInterval)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fyne.Do(func() { b.tick(stop) })
			}
		}
	}()
}

// tick advances playback by one year; it runs on the main goroutine.
func (b *YearBar) tick(stop chan struct{}) {
	if b.stop != stop {
		return // paused meanwhile
	}
	if b.year >= b.last {
		b.Pause()
		return
	}
	b.onYear(b.year + 1)
	if b.year >= b.last {
		b.Pause()
	}
}

// Pause stops playback.
func (b *YearBar) Pause() {
	if b.stop == nil {
		return
	}
	close(b.stop)
	b.stop = nil
	b.Play.SetIcon(theme.MediaPlayIcon())
}

// yearTicks draws a short mark under each year that has an event, aligned
// with the slider's track.
type yearTicks struct {
	widget.BaseWidget
	first, last int
	years       []int
	lines       []*canvas.Line
	box         *fyne.Container
}

func (t *yearTicks) set(first, last int, years []int) {
	t.first, t.last, t.years = first, last, years
	t.Refresh()
}

func (t *yearTicks) CreateRenderer() fyne.WidgetRenderer {
	t.box = container.NewWithoutLayout()
	return &ticksRenderer{t: t}
}

type ticksRenderer struct{ t *yearTicks }

func (r *ticksRenderer) Layout(size fyne.Size) {
	t := r.t
	th := t.Theme()
	// The slider's thumb centre travels between these insets (see
	// fyne's Slider.endOffset).
	inset := (th.Size(theme.SizeNameInlineIcon)-4)/2 + th.Size(theme.SizeNameInnerPadding) - 1.5
	span := float32(max(t.last-t.first, 1))
	for i, l := range t.lines {
		x := inset + (size.Width-2*inset)*float32(t.years[i]-t.first)/span
		l.Position1 = fyne.NewPos(x, size.Height/2+6)
		l.Position2 = fyne.NewPos(x, size.Height/2+11)
		l.Refresh()
	}
}

func (r *ticksRenderer) MinSize() fyne.Size { return fyne.NewSize(10, 10) }

func (r *ticksRenderer) Refresh() {
	t := r.t
	c := t.Theme().Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
	t.lines = t.lines[:0]
	var objs []fyne.CanvasObject
	for _, y := range t.years {
		if y < t.first || y > t.last {
			continue
		}
		l := canvas.NewLine(c)
		l.StrokeWidth = 1.5
		t.lines = append(t.lines, l)
		objs = append(objs, l)
	}
	// Keep years aligned with lines after filtering.
	var ys []int
	for _, y := range t.years {
		if y >= t.first && y <= t.last {
			ys = append(ys, y)
		}
	}
	t.years = ys
	t.box.Objects = objs
	r.Layout(t.Size())
	t.box.Refresh()
}

func (r *ticksRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.t.box} }
func (r *ticksRenderer) Destroy()                     {}
