/**
 * The fonts every printed document embeds (DejaVu: every Cyrillic letter prints the same on any
 * machine): journals and acts of the archive, login slips, personal cards, portfolios, the
 * certificate book. By path: pdfkit caches a font per document under the path it was opened with.
 */
export const REGULAR_FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
export const BOLD_FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
export const MONO_BOLD_FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono-Bold.ttf');
