"""工作台: the year's goal first, then the open work; every figure opens the rows it counts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QDate, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView, QDateEdit, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea,
    QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from safety_desk.services.dashboard import COLOURS, Dashboard, DashboardService, DistrictRow, WorkItem
from safety_desk.services.ledger import LedgerFilter
from safety_desk.store.changed import HAZARD_TABLES, Changes
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.record_list import RecordListDialog
from safety_desk.ui.pages.broadcast import follow_changes
from safety_desk.ui.tasks import in_reader

_MUTED = "#546e7a"
_COLOUR_HEX = {"red": "#e53935", "orange": "#fb8c00", "yellow": "#fdd835", "blue": "#1e88e5"}
_FOUND_HEX, _CLOSED_HEX = "#fb8c00", "#43a047"


class _Tile(QFrame):
    """A clickable figure: a big number and what it counts."""

    clicked = Signal()

    def __init__(self, caption: str, accent: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(f"#tile {{ background: white; border: 1px solid #dde3ea; border-left: 4px solid {accent};"
                           " border-radius: 6px; } #tile:hover { background: #f5f9ff; }")
        self.value = QLabel("—")
        self.value.setStyleSheet(f"font-size: 24px; font-weight: 600; color: {accent};")
        self.caption = QLabel(caption)
        self.caption.setStyleSheet(f"color: {_MUTED};")
        self.caption.setWordWrap(True)
        # The number beside its words: nine tiles in two short rows leave the charts and tables room at 1366×768.
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(10)
        layout.addWidget(self.value)
        layout.addWidget(self.caption, 1)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def _section(title: str) -> QLabel:
    label = QLabel(title)
    label.setStyleSheet("font-size: 15px; font-weight: 600; margin-top: 6px;")
    return label


def _count_axis(top: int) -> QValueAxis:
    """A value axis for counts: whole-number ticks at a round step from 0 (a nice-numbers axis from 0 to 1 puts
    ticks at 0.2, 0.4 … which "%d" prints as 0, 0, 0, 1)."""
    top = max(1, top)
    magnitude = 10 ** max(0, len(str(top)) - 2)  # steps of 1, 2 or 5 times a power of ten, about five ticks
    step = next(m * magnitude for m in (1, 2, 5, 10, 20, 50) if m * magnitude * 5 >= top)
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setMinorTickCount(0)
    axis.setRange(0, -(-top // step) * step)
    return axis


def _fill_height(widget: QWidget) -> None:
    """Take the height the page has over, down to the widget's minimum: a table's or chart's preferred height
    (Qt's 192 pixels and more) would otherwise make the page taller than a 1366×768 screen and scroll it."""
    policy = widget.sizePolicy()
    policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
    widget.setSizePolicy(policy)


def _chart_view(chart: QChart) -> QChartView:
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(4)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(170)
    _fill_height(view)
    return view


class DashboardPage(QWidget):
    """Figures computed off the UI thread; clicks ask the main window to show the rows behind them."""

    inspection_requested = Signal()
    ledger_requested = Signal(object, str)  # LedgerFilter, caption naming the figure
    hazard_requested = Signal(str)
    inspection_opened = Signal(str)
    enterprise_requested = Signal(str)
    page_requested = Signal(str)  # "page" or "page:tab"
    refreshed = Signal()

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        follow_changes(self, context)  # committed writes anywhere: read again (on_changes)
        self.service = context.desk.dashboard
        self.dashboard: Dashboard | None = None
        self._running = False
        self._again = False
        self.day: date | None = None  # a past day whose figures are shown (None: today's)

        title = QLabel(self.tr("Dashboard"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.greeting = QLabel()
        self.greeting.setStyleSheet(f"color: {_MUTED};")
        # An enterprise inspects itself (自查); the regulator's staff inspect enterprises.
        self_inspects = context.session.role == "enterprise"
        start = QPushButton(self.tr("Start a self-inspection") if self_inspects else self.tr("Start an inspection"))
        start.setObjectName("start_inspection")
        start.clicked.connect(self.inspection_requested)
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addSpacing(12)
        heading.addWidget(self.greeting, 1, Qt.AlignmentFlag.AlignBottom)
        # The figures as they stood at the end of a past day (desk.at(day)): what a meeting saw last Friday.
        self.as_of = QDateEdit()
        self.as_of.setObjectName("as_of")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setToolTip(self.tr("Show the figures as they stood at the end of this day"))
        today = context.session.clock.today()
        self.as_of.setMaximumDate(QDate(today.year, today.month, today.day))
        self.as_of.setDate(QDate(today.year, today.month, today.day))
        self.as_of.dateChanged.connect(self.on_as_of_changed)
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setObjectName("today")
        self.today_button.setVisible(False)
        self.today_button.clicked.connect(self.on_today_clicked)
        heading.addWidget(QLabel(self.tr("As of")))
        heading.addWidget(self.as_of)
        heading.addWidget(self.today_button)
        heading.addSpacing(12)
        heading.addWidget(start)
        self.past_note = QLabel()
        self.past_note.setObjectName("past_note")
        self.past_note.setWordWrap(True)
        self.past_note.setStyleSheet("color: #e65100;")
        self.past_note.setVisible(False)

        self.goal = QLabel(self.tr("Goal: no liable accident of grade Larger or above"))
        self.goal.setObjectName("goal")
        self.goal.setWordWrap(True)
        self.goal.setCursor(Qt.CursorShape.PointingHandCursor)
        self.goal.setToolTip(self.tr("Click to see this year's incidents"))
        self.goal.mouseReleaseEvent = lambda _event: self.page_requested.emit("drills:incidents")
        self._style_goal(None)

        self.tiles: dict[str, _Tile] = {
            "open_general": _Tile(self.tr("Open general hazards"), "#1e88e5"),
            "open_major": _Tile(self.tr("Open major hazards"), "#8e24aa"),
            "overdue": _Tile(self.tr("Overdue hazards"), "#e53935"),
            "awaiting_review": _Tile(self.tr("Awaiting re-inspection"), "#00897b"),
            "due_soon": _Tile(self.tr("Due in the next 3 days"), "#fb8c00"),
            "closed_this_year": _Tile(self.tr("Rectification rate this year"), "#43a047"),
            "inspections_this_week": _Tile(self.tr("Inspections this week"), "#3949ab"),
            "drills_overdue": _Tile(self.tr("Enterprises overdue for a drill"), "#6d4c41"),
            "notices_awaiting": _Tile(self.tr("Notices awaiting a reply"), "#5e35b1"),
        }
        for key, tile in self.tiles.items():
            tile.setObjectName(f"tile_{key}")
            tile.setStyleSheet(tile.styleSheet().replace("#tile", f"#tile_{key}"))
            tile.clicked.connect(lambda key=key: self.on_figure_clicked(key))
        # An enterprise's drills are its own, not a count of enterprises: the Drills page shows when they are due.
        self_only = context.session.role == "enterprise"
        shown = [tile for key, tile in self.tiles.items() if not (self_only and key == "drills_overdue")]
        tiles = QGridLayout()
        tiles.setSpacing(10)
        for index, tile in enumerate(shown):
            tiles.addWidget(tile, index // 5, index % 5)
        for tile in self.tiles.values():
            if tile not in shown:
                tile.setParent(self)  # kept (its caption names lists), never shown
                tile.hide()

        self.weeks_chart = QChart()
        self.weeks_chart.setTitle(self.tr("Hazards found and closed per week"))
        self.districts_chart = QChart()
        self.districts_chart.setTitle(self.tr("Open hazards by district"))
        self.districts_chart.legend().hide()
        charts = QHBoxLayout()
        charts.addWidget(_chart_view(self.weeks_chart), 3)
        self.districts_view = _chart_view(self.districts_chart)
        charts.addWidget(self.districts_view, 2)

        self.districts_table = QTableWidget(0, 9)
        self.districts_table.setObjectName("districts")
        self.districts_table.setHorizontalHeaderLabels([
            self.tr("District"), self.tr("Open hazards"), self.tr("Enterprises"), self.tr("Inspected this month"),
            self.tr("Inspected this quarter"), "红", "橙", "黄", "蓝"])
        self.districts_table.horizontalHeaderItem(5).setToolTip(self.tr("Enterprises with an open major hazard"))
        self.districts_table.horizontalHeaderItem(6).setToolTip(self.tr("Enterprises with an overdue hazard"))
        self.districts_table.horizontalHeaderItem(7).setToolTip(self.tr("Enterprises with an open general hazard"))
        self.districts_table.horizontalHeaderItem(8).setToolTip(self.tr("Enterprises with no open hazard"))
        self._plain_table(self.districts_table)
        self.districts_table.cellClicked.connect(self.on_district_cell_clicked)

        self.work_table = QTableWidget(0, 4)
        self.work_table.setObjectName("my_work")
        self.work_table.setHorizontalHeaderLabels([self.tr("To do"), self.tr("What"), self.tr("Deadline"),
                                                   self.tr("Days overdue")])
        self._plain_table(self.work_table)
        self.work_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.work_table.setToolTip(self.tr("Double-click a line to open it"))
        self.work_table.cellDoubleClicked.connect(self.on_work_double_clicked)

        self.campaigns_table = QTableWidget(0, 5)
        self.campaigns_table.setObjectName("campaigns")
        self.campaigns_table.setHorizontalHeaderLabels([self.tr("Campaign"), self.tr("Period"),
                                                        self.tr("Targets inspected"), self.tr("Hazards found"),
                                                        self.tr("Closed")])
        self._plain_table(self.campaigns_table)
        self.campaigns_table.setMinimumHeight(62)
        self.campaigns_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)  # its rows' height
        self.campaigns_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.campaigns_table.cellClicked.connect(self.on_campaign_cell_clicked)
        # Said in a sentence when none runs: an empty table reads as figures not yet computed.
        self.no_campaigns = QLabel(
            self.tr("No campaign running includes your enterprise.") if context.session.role == "enterprise"
            else self.tr("No campaign running."))
        self.no_campaigns.setObjectName("no_campaigns")
        self.no_campaigns.setStyleSheet(f"color: {_MUTED};")
        self.no_campaigns.hide()

        self.districts_section = _section(self.tr("Districts: coverage and four-colour overview"))
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.districts_section)
        left.addWidget(self.districts_table, 1)
        # The campaigns under the work, beside the districts: one view at 1366×768, no page to scroll.
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(_section(self.tr("My work")))
        right.addWidget(self.work_table, 1)
        right.addWidget(_section(self.tr("Campaigns running")))
        right.addWidget(self.campaigns_table)
        right.addWidget(self.no_campaigns)
        lower = QHBoxLayout()
        lower.setSpacing(16)
        lower.addLayout(left, 3)
        lower.addLayout(right, 2)

        # An enterprise sees its own figures: districts, their coverage and the four colours are the regulator's.
        if self_only:
            for widget in (self.districts_view, self.districts_section, self.districts_table):
                widget.hide()
            lower.setStretch(0, 0)

        body = QWidget()
        body.setObjectName("dashboard_body")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.setSpacing(8)
        layout.addLayout(heading)
        layout.addWidget(self.past_note)
        layout.addWidget(self.goal)
        layout.addLayout(tiles)
        layout.addLayout(charts)
        layout.addLayout(lower, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @staticmethod
    def _plain_table(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.verticalHeader().hide()
        table.setShowGrid(False)
        table.setMinimumHeight(100)
        _fill_height(table)
        table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _style_goal(self, holds: bool | None) -> None:
        colour, background = {None: (_MUTED, "#eceff1"), True: ("#1b5e20", "#e8f5e9"),
                              False: ("#b71c1c", "#ffebee")}[holds]
        self.goal.setStyleSheet(f"#goal {{ background: {background}; color: {colour}; border-radius: 6px;"
                                " padding: 10px 14px; font-size: 16px; font-weight: 600; }")

    # -- refreshing ---------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        """Any write may move a figure: compute again (in a worker, coalesced while one runs)."""
        if changes.touches(*HAZARD_TABLES, "inspection", "enterprise", "district", "drill", "training", "incident",
                           "campaign"):
            self.on_shown()

    def on_as_of_changed(self, chosen: QDate) -> None:
        """Another day chosen: its figures, folded to the end of that day, or today's again."""
        day = date(chosen.year(), chosen.month(), chosen.day())
        self.day = day if day < self.context.session.clock.today() else None
        self.today_button.setVisible(self.day is not None)
        self.past_note.setVisible(self.day is not None)
        self.past_note.setText(self.tr("Figures as they stood at the end of %1. The lists they open show the "
                                       "records as they are today.").replace("%1", day.isoformat()))
        self.on_shown()

    def on_today_clicked(self) -> None:
        today = self.context.session.clock.today()
        self.as_of.setDate(QDate(today.year, today.month, today.day))

    def on_shown(self) -> None:
        """Compute the figures in a worker; the page shows the last ones until the new ones arrive."""
        if self._running:
            self._again = True
            return
        self._running = True
        session = self.context.session if self.day is None else self.context.desk.at(self.day).session
        signals = self.context.tasks.start(in_reader(session, lambda session: DashboardService(session).compute()))
        signals.finished.connect(self.on_computed)
        signals.failed.connect(self.on_failed)

    def on_failed(self, message: str) -> None:
        self._running = False
        self.goal.setText(self.tr("The figures could not be computed: %1").replace("%1", message))
        self._style_goal(False)
        self.refreshed.emit()

    def on_computed(self, dashboard: Dashboard) -> None:
        self._running = False
        self.dashboard = dashboard
        self.greeting.setText(self.tr("%1 · as of %2").replace("%1", self._whose())
                              .replace("%2", dashboard.as_of.isoformat()))
        self._fill_goal(dashboard)
        for key, tile in self.tiles.items():
            tile.value.setText(f"{dashboard.figures[key].value:,}")
        rate = self.tiles["closed_this_year"]
        if dashboard.rectification_rate is None:
            rate.value.setText("—")
        else:
            rate.value.setText(f"{dashboard.rectification_rate:.0%}")
        rate.setToolTip(self.tr("%1 of %2 hazards found this year are closed")
                        .replace("%1", f"{dashboard.figures['closed_this_year'].value:,}")
                        .replace("%2", f"{dashboard.figures['found_this_year'].value:,}"))
        self._fill_weeks(dashboard)
        self._fill_districts(dashboard.districts)
        self._fill_work(dashboard.work)
        self._fill_campaigns(dashboard)
        self.refreshed.emit()
        if self._again:
            self._again = False
            self.on_shown()

    def _whose(self) -> str:
        """Whose figures these are: the enterprise's own for its officer, the office's for everyone else."""
        session = self.context.session
        if session.role == "enterprise":
            enterprise = self.context.store.enterprises.get(session.person.enterprise_id)
            return enterprise.name if enterprise else ""
        office = self.context.store.offices.current()
        return office.name if office else ""

    def _fill_goal(self, dashboard: Dashboard) -> None:
        goal = dashboard.goal
        if goal.holds:
            since = (self.tr("%1 days since the last one").replace("%1", f"{goal.days_since_last:,}")
                     if goal.days_since_last is not None else self.tr("none on record"))
            status = self.tr("Goal holds: 0 liable accidents of grade Larger or above in %1 (%2)").replace(
                "%1", str(goal.year)).replace("%2", since)
        else:
            status = self.tr("Goal missed: %1 liable accidents of grade Larger or above in %2").replace(
                "%1", str(goal.count)).replace("%2", str(goal.year))
        self.goal.setText(status)
        self._style_goal(goal.holds)

    def _fill_campaigns(self, dashboard: Dashboard) -> None:
        table = self.campaigns_table
        table.setRowCount(len(dashboard.campaigns))
        for index, progress in enumerate(dashboard.campaigns):
            campaign = progress.campaign
            cells = [campaign.name, f"{campaign.starts_on} – {campaign.ends_on}",
                     f"{progress.inspected} / {progress.targets}  ({progress.share:.0%})",
                     f"{progress.hazards:,}", f"{progress.closed:,}"]
            for column, text in enumerate(cells):
                table.setItem(index, column, QTableWidgetItem(text))
        # As tall as its rows, up to two (it scrolls past them): my work above it takes the rest.
        table.setFixedHeight(32 + 30 * min(2, max(1, len(dashboard.campaigns))))
        table.setVisible(bool(dashboard.campaigns))
        self.no_campaigns.setVisible(not dashboard.campaigns)

    def _fill_weeks(self, dashboard: Dashboard) -> None:
        chart = self.weeks_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        found, closed = QBarSet(self.tr("Found")), QBarSet(self.tr("Closed"))
        found.setColor(QColor(_FOUND_HEX))
        closed.setColor(QColor(_CLOSED_HEX))
        for bar in dashboard.weeks:
            found.append(bar.found)
            closed.append(bar.closed)
        found.clicked.connect(lambda index: self.on_week_clicked(index, closed=False))
        closed.clicked.connect(lambda index: self.on_week_clicked(index, closed=True))
        series = QBarSeries()
        series.append(found)
        series.append(closed)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([bar.monday.strftime("%m-%d") for bar in dashboard.weeks])
        values = _count_axis(max([0, *(max(bar.found, bar.closed) for bar in dashboard.weeks)]))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)

    def _fill_districts(self, rows: list[DistrictRow]) -> None:
        chart = self.districts_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        counts = QBarSet(self.tr("Open hazards"))
        counts.setColor(QColor("#1e88e5"))
        for row in rows:
            counts.append(row.open_hazards)
        counts.clicked.connect(self.on_district_bar_clicked)
        series = QBarSeries()
        series.setBarWidth(0.5 if len(rows) > 2 else 0.25)
        series.append(counts)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([row.district.name for row in rows])
        values = _count_axis(max([0, *(row.open_hazards for row in rows)]))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)

        table = self.districts_table
        table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = [row.district.name, f"{row.open_hazards:,}", f"{row.enterprises:,}",
                     self._share(row.covered_month, row.enterprises),
                     self._share(row.covered_quarter, row.enterprises),
                     *(f"{row.colours.get(colour, 0):,}" for colour in COLOURS)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 5:
                    colour = COLOURS[column - 5]
                    item.setBackground(QColor(_COLOUR_HEX[colour]).lighter(170))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(index, column, item)

    @staticmethod
    def _share(part: int, whole: int) -> str:
        return f"{part} / {whole}  ({part / whole:.0%})" if whole else "—"

    def _fill_work(self, work: list[WorkItem]) -> None:
        labels = {"overdue": self.tr("Overdue"), "review": self.tr("Re-inspect"), "rectify": self.tr("Rectify"),
                  "draft": self.tr("Finish inspection")}
        table = self.work_table
        table.setRowCount(len(work))
        for index, item in enumerate(work):
            cells = [labels[item.kind], f"{item.detail}：{item.title}", item.due or "",
                     str(item.overdue_days) if item.overdue_days else ""]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if item.overdue_days:
                    cell.setForeground(QColor("#c62828"))
                table.setItem(index, column, cell)

    # -- clicks -------------------------------------------------------------------------------
    def figure_caption(self, key: str) -> str:
        tile = self.tiles.get(key)
        return tile.caption.text() if tile else key

    def on_figure_clicked(self, key: str) -> None:
        if self.dashboard is None:
            return
        if key == "inspections_this_week":
            self.show_inspections_this_week()
            return
        if key == "drills_overdue":
            self.show_overdue_drills()
            return
        if key == "notices_awaiting":
            self.show_notices_awaiting()
            return
        figure = self.dashboard.figures[key]
        if figure.ledger is not None:
            caption = self.tr("Closed, found this year") if key == "closed_this_year" else self.figure_caption(key)
            self.ledger_requested.emit(figure.ledger, caption)

    def on_week_clicked(self, index: int, closed: bool) -> None:
        if self.dashboard is None:
            return
        bar = self.dashboard.weeks[index]
        found_filter, closed_filter = self.service.week_filters(bar)
        caption = (self.tr("Closed %1 – %2") if closed else self.tr("Found %1 – %2"))
        self.ledger_requested.emit(closed_filter if closed else found_filter,
                                   caption.replace("%1", bar.monday.isoformat()).replace("%2", bar.sunday.isoformat()))

    def on_district_bar_clicked(self, index: int) -> None:
        if self.dashboard is None:
            return
        district = self.dashboard.districts[index].district
        self.ledger_requested.emit(LedgerFilter(district_id=district.id, open_only=True),
                                   self.tr("Open hazards in %1").replace("%1", district.name))

    def on_district_cell_clicked(self, row: int, column: int) -> None:
        if self.dashboard is None or column == 0:
            return
        district = self.dashboard.districts[row].district
        if column in (1, 2):
            self.on_district_bar_clicked(row)
            return
        if column in (3, 4):
            period = "month" if column == 3 else "quarter"
            marks = self.service.coverage(district.id, period, self.dashboard.as_of)
            marks.sort(key=lambda mark: (mark.mark != "", mark.name))  # not yet inspected first
            title = (self.tr("%1: inspections this month") if period == "month"
                     else self.tr("%1: inspections this quarter")).replace("%1", district.name)
            rows = [(m.enterprise_id, [m.name, m.mark or self.tr("not inspected")]) for m in marks]
            self._open_list(title, [self.tr("Enterprise"), self.tr("Last inspected")], rows, self.enterprise_requested)
            return
        colour = COLOURS[column - 5]
        marks = self.service.enterprises_by_colour(district.id, colour, self.dashboard.as_of)
        title = self.tr("%1: enterprises marked %2").replace("%1", district.name).replace(
            "%2", self.districts_table.horizontalHeaderItem(column).text())
        rows = [(m.enterprise_id, [m.name, m.district_name]) for m in marks]
        self._open_list(title, [self.tr("Enterprise"), self.tr("District")], rows, self.enterprise_requested)

    def show_inspections_this_week(self) -> RecordListDialog:
        store = self.context.store
        rows = []
        for inspection_id in self.service.inspections_this_week(self.dashboard.as_of if self.dashboard else None):
            inspection = store.inspections.require(inspection_id)
            enterprise = store.enterprises.get(inspection.enterprise_id)
            status = self.tr("submitted") if inspection.status == "submitted" else self.tr("in progress")
            rows.append((inspection_id, [enterprise.name if enterprise else "", inspection.started_at[:10], status]))
        return self._open_list(self.tr("Inspections this week"),
                               [self.tr("Enterprise"), self.tr("Started"), self.tr("Status")], rows,
                               self.inspection_opened)

    def show_overdue_drills(self) -> RecordListDialog:
        rows = [(due.enterprise_id, [due.enterprise_name, due.district_name, str(due.next_due),
                                     str(due.overdue_days)]) for due in self.dashboard.drills]
        return self._open_list(self.tiles["drills_overdue"].caption.text(),
                               [self.tr("Enterprise"), self.tr("District"), self.tr("Drill due"),
                                self.tr("Days overdue")], rows, self.enterprise_requested)

    def show_notices_awaiting(self) -> RecordListDialog:
        rows = [(summary.notice.id, [summary.notice.number, summary.enterprise_name, summary.notice.reply_due,
                                     str(summary.outstanding)]) for summary in self.dashboard.notices]
        dialog = RecordListDialog(self.tiles["notices_awaiting"].caption.text(),
                                  [self.tr("Notice"), self.tr("Enterprise"), self.tr("Reply due"),
                                   self.tr("Hazards open")], rows, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.on_notice_chosen)
        dialog.open()
        return dialog

    def on_notice_chosen(self, notice_id: str) -> None:
        summary = next(s for s in self.dashboard.notices if s.notice.id == notice_id)
        self.ledger_requested.emit(LedgerFilter(notice_ids=(notice_id,)), summary.notice.number)

    def on_campaign_cell_clicked(self, row: int, column: int) -> None:
        if self.dashboard is None:
            return
        progress = self.dashboard.campaigns[row]
        if column in (3, 4):
            status = "已销号" if column == 4 else None
            self.ledger_requested.emit(LedgerFilter(campaign_id=progress.campaign.id, status=status),
                                       progress.campaign.name)
            return
        store = self.context.store
        rows = []
        for enterprise_id in progress.uninspected_ids:
            enterprise = store.enterprises.get(enterprise_id)
            rows.append((enterprise_id, [enterprise.name if enterprise else enterprise_id, self.tr("not inspected")]))
        title = self.tr("%1: targets not yet inspected").replace("%1", progress.campaign.name)
        self._open_list(title, [self.tr("Enterprise"), self.tr("Status")], rows, self.enterprise_requested)

    def _open_list(self, title: str, headers: list[str], rows, target: Signal) -> RecordListDialog:
        dialog = RecordListDialog(title, headers, rows, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(target)
        dialog.open()
        return dialog

    def on_work_double_clicked(self, row: int, _column: int) -> None:
        if self.dashboard is None:
            return
        item = self.dashboard.work[row]
        if item.hazard_id:
            self.hazard_requested.emit(item.hazard_id)
        elif item.inspection_id:
            self.inspection_opened.emit(item.inspection_id)
