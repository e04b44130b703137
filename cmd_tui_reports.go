package main

import (
	"bytes"
	"context"

	"samkoll/report"
	"samkoll/tui"
)

// Report writes the yearly follow-up or the region report for the app,
// as samkoll followup and samkoll region write them (with the same
// templates); the checklists are waited for.
func (x *lazyExporter) Report(ctx context.Context, req tui.ReportRequest) (string, error) {
	data, _, err := x.report(ctx, req)
	return string(data), err
}

// SaveReport writes the report to a file in the folder the plans go to.
func (x *lazyExporter) SaveReport(ctx context.Context, req tui.ReportRequest) (tui.ExportResult, error) {
	var warning error
	data, name, err := x.report(ctx, req)
	if err != nil {
		return tui.ExportResult{}, err
	}
	fx := &report.Exporter{Lang: x.e.lang, Home: x.home, Documents: x.documents, Warn: func(err error) { warning = err }}
	path, err := fx.WriteReportFile(name, data)
	return tui.ExportResult{Path: path, Warning: warning}, err
}

// report returns the report's markdown and the name of its file.
func (x *lazyExporter) report(ctx context.Context, req tui.ReportRequest) ([]byte, string, error) {
	cat, _ := x.catalog()
	tmpl := report.FollowupTemplate
	if req.Kind == tui.RegionReport {
		tmpl = report.RegionTemplate
	}
	opt := report.Options{Lang: x.e.lang, Today: x.e.today(), Template: report.TemplateFile(templateDir(x.e), tmpl)}
	var buf bytes.Buffer
	if req.Kind == tui.RegionReport {
		err := report.Region(ctx, &buf, x.s, req.Year, cat, opt)
		return buf.Bytes(), report.RegionFileName(req.Year, x.e.lang), err
	}
	err := report.Followup(ctx, &buf, x.s, req.Unit, req.Year, cat, opt)
	return buf.Bytes(), report.FollowupFileName(req.Unit, req.Year, x.e.lang), err
}
