import * as vscode from 'vscode';
import type { PreviewStrings } from '../../preview/src/protocol.js';

/** The preview's UI words in the user's language (English, French: l10n/bundle.l10n.fr.json). */
export function previewStrings(): PreviewStrings {
    return {
        fit: vscode.l10n.t('Fit'),
        zoomIn: vscode.l10n.t('Zoom in'),
        zoomOut: vscode.l10n.t('Zoom out'),
        search: vscode.l10n.t('Search an actor'),
        filters: vscode.l10n.t('Filters'),
        relations: vscode.l10n.t('Relations'),
        kinds: vscode.l10n.t('Kinds'),
        zones: vscode.l10n.t('Zones'),
        interests: vscode.l10n.t('Interests'),
        minimumWeight: vscode.l10n.t('Minimum weight'),
        opportunities: vscode.l10n.t('Synergy opportunities'),
        layout: vscode.l10n.t('Layout'),
        exportSvg: vscode.l10n.t('Export SVG'),
        exportPng: vscode.l10n.t('Export PNG'),
        back: vscode.l10n.t('Back to all groups'),
        legend: vscode.l10n.t('Legend'),
        negative: vscode.l10n.t('negative tie'),
        opportunity: vscode.l10n.t('synergy opportunity'),
        members: vscode.l10n.t('actors'),
        laidOut: vscode.l10n.t('Laid out'),
        layingOut: vscode.l10n.t('Laying out the sociogram…'),
        empty: vscode.l10n.t('No actor in this view.'),
        degree: vscode.l10n.t('ties'),
        betweenness: vscode.l10n.t('betweenness'),
        community: vscode.l10n.t('community'),
        status: vscode.l10n.t('status'),
        kind: vscode.l10n.t('kind'),
        zone: vscode.l10n.t('zone'),
        ties: vscode.l10n.t('ties')
    };
}
