import { activityChart, answerTimesChart, sourcesChart } from './charts.svg.ts'
import { comparisonTable } from './compare.ts'
import { keyFigures } from './figures.ts'
import { clock, dateTime, esc, table } from './html.ts'
import type { Report } from './report.types.ts'
import { duration, plural } from './stats.ts'

const STYLE = `body{font-family:system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}table{border-collapse:collapse;margin:1rem 0;width:100%}
caption{text-align:left;font-weight:600;padding:.3rem 0}th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
.num{text-align:right}.status{display:inline-block;padding:.1rem .5rem;border-radius:.3rem;background:#eef}
details{margin:.5rem 0}.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.5rem;padding:0;list-style:none}
.figures li{border:1px solid #ddd;border-radius:.4rem;padding:.5rem}.figures strong{display:block;font-size:1.3rem}`

const chart = (c: { svg: string; table: string }) =>
  `<figure>${c.svg}<details><summary>The numbers</summary>${c.table}</details></figure>`

const list = (items: string[], empty: string) =>
  items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : `<p>${esc(empty)}</p>`

function sections(r: Report): string[] {
  const tz = r.chat.timeZone
  const q = r.questions
  const out: string[] = []
  out.push(
    `<section><h2>Key figures</h2><ul class="figures">${keyFigures(r)
      .map((f) => `<li><strong>${esc(f.value)}</strong>${esc(f.label)}</li>`)
      .join('')}</ul></section>`,
  )
  out.push(
    `<section><h2>Activity</h2>${chart(activityChart(r))}${chart(sourcesChart(r))}<h3>Busiest periods</h3>${list(
      r.busiest.map(
        (b) =>
          `${esc(clock(b.start, tz))}: ${plural(b.questions, 'question')}, ${plural(b.answers, 'answer')}`,
      ),
      'No questions yet.',
    )}</section>`,
  )
  out.push(
    `<section><h2>Answers</h2>${chart(answerTimesChart(r))}${table(
      'Answers by expert',
      ['Expert', 'Answers', 'Thanks', 'Median time to answer'],
      r.answers.byExpert.map((e) => [
        esc(e.name),
        String(e.answers),
        String(e.thanks),
        esc(duration(e.medianSeconds)),
      ]),
    )}${table(
      'Answers by kind',
      ['Kind', 'Answers'],
      Object.entries(r.answers.byKind).map(([k, v]) => [esc(k), String(v)]),
    )}${table(
      'Declined, by reason',
      ['Reason', 'Questions'],
      q.rejectedByReason.map((x) => [esc(x.reason), String(x.count)]),
    )}</section>`,
  )
  out.push(
    `<section><h2>Most asked themes</h2>${list(
      r.themes.groups.map(
        (t) => `${esc(t.label)} <em>(${t.size} questions, ${t.answered} answered)</em>`,
      ),
      'No repeated themes.',
    )}<p>Frequent terms: ${esc(r.themes.terms.map((t) => `${t.term} (${t.count})`).join(', ') || 'none')}</p></section>`,
  )
  out.push(
    `<section><h2>Audience and reach</h2>${
      r.audience.recorded
        ? table(
            'Views of answer pages',
            ['Answer', 'Views', 'Visitor-days'],
            r.audience.answerViews.map((v) => [
              esc(v.answerId),
              String(v.views),
              String(v.visitors),
            ]),
          )
        : '<p>Viewers were not recorded for this chat.</p>'
    }${
      r.reach.connected
        ? table(
            'Reach of answers posted to networks',
            ['Network', 'Posts', 'Reposts', 'Likes', 'Replies'],
            r.reach.byNetwork.map((n) => [
              esc(n.network),
              ...[n.posts, n.reposts, n.likes, n.replies].map(String),
            ]),
          )
        : '<p>Network reach: not connected.</p>'
    }</section>`,
  )
  out.push(
    `<section><h2>Follow-up: questions not answered</h2>${list(
      r.followUp.map(
        (f) =>
          `${esc(f.publicText)} <em>(${f.state}, ${f.votes} upvotes, ${esc(dateTime(f.receivedAt, tz))})</em>`,
      ),
      'Every question was answered.',
    )}</section>`,
  )
  if (r.comparison.length > 1) {
    out.push(
      `<section><h2>Compared with earlier chats</h2>${table(
        'Earlier chats side by side',
        ['Figure', ...r.comparison.map((c) => c.title)],
        comparisonTable(r.comparison).map((row) => [esc(row.label), ...row.shown.map(esc)]),
      )}</section>`,
    )
  }
  return out
}

/** [R3] The report as an HTML fragment (for the staff console) with its charts and tables. */
export function reportFragment(r: Report): string {
  const tz = r.chat.timeZone
  const status =
    r.status === 'final' ? 'Final report' : `Live report as of ${dateTime(r.generatedAt, tz)}`
  return `<header><h1>${esc(r.chat.title)} ${esc(r.chat.hashtag)}</h1><p><span class="status">${esc(status)}</span> ${esc(
    r.chat.organisation,
  )}, ${esc(dateTime(r.chat.startsAt, tz))} to ${esc(clock(r.chat.endsAt, tz))}</p></header>\n${sections(r).join('\n')}`
}

/** [R3] The report as one self-contained HTML file: no scripts, fonts or images fetched. */
export function reportHtml(r: Report): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(r.chat.title)}: chat report</title><style>${STYLE}</style></head>
<body><main>
${reportFragment(r)}
</main></body></html>
`
}
