import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { ReportQuestion } from '../store/repos/reports.repo.ts'
import { themes } from './report.themes.ts'

const q = (id: string, publicText: string, state: string, votes = 0): ReportQuestion => ({
  id,
  source: 'web',
  askerKey: id,
  publicText,
  kind: 'question',
  thanks: false,
  state,
  rejectReason: null,
  mergedInto: null,
  votes,
  receivedAt: `2026-12-01T18:0${id.length}:00.000Z`,
})

describe('themes', () => {
  it('[R5] labels a theme only with a published question, and leaves out themes nobody published', () => {
    const questions = [
      q('a', 'Does my exempt XL need a muzzle in the car?', 'approved', 1),
      q('bb', 'Unreviewed: must an exempt XL be muzzled inside a car?', 'pending', 9),
      q('ccc', 'Unreviewed: what is the neutering deadline for XL bullies?', 'pending'),
      q('dddd', 'Unreviewed: when must XL bullies be neutered by?', 'pending'),
    ]
    const merges = [
      { questionId: 'bb', into: 'a', at: '2026-12-01T18:10:00.000Z' },
      { questionId: 'dddd', into: 'ccc', at: '2026-12-01T18:10:00.000Z' },
    ]
    const { groups } = themes(questions, merges, '#askGMP')
    assert.deepEqual(
      groups.map((g) => g.label),
      ['Does my exempt XL need a muzzle in the car?'],
    )
  })
})
