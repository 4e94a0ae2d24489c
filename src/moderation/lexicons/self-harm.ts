/**
 * Parts of a self-harm or suicide disclosure, in folded form (see `self-harm.ts`). Each part
 * alone is common in a mental-health chat ("I can't cope anymore", "my tablets"); two together
 * describe someone at risk now.
 */

/** Saying they mean to die or cannot go on. */
export const INTENT = [
  "can't do it anymore",
  "can't do this anymore",
  "can't do it any more",
  "can't go on",
  "can't carry on",
  "can't take it anymore",
  "can't take any more",
  "can't keep going",
  'had enough of life',
  'end it',
  'ending it',
  'end things',
  'ending things',
  'end my life',
  'end her life',
  'end his life',
  'want to die',
  'wants to die',
  "don't want to be here",
  "doesn't want to be here",
  "don't want to wake up",
  'better off without me',
  'better off without her',
  'better off without him',
  'kill myself',
  'kill herself',
  'kill himself',
  'not going to be here',
  "won't be here",
  'no reason to live',
  'nothing left to live for',
]

/** The means of self-harm (needs AT_HAND in its sentence: "my tablets" alone is ordinary). */
export const MEANS = [
  'tablets',
  'pills',
  'paracetamol',
  'meds',
  'medication',
  'rope',
  'razor',
  'razors',
  'blade',
  'blades',
  'ligature',
  'knife',
]

/** Where the means are: at hand, gathered or ready. */
export const AT_HAND = [
  'in front of me',
  'in front of her',
  'in front of him',
  'next to me',
  'in my hand',
  'in her hand',
  'in his hand',
  'saved up',
  'been saving',
  'stockpiled',
  'stockpiling',
  'lined up',
  'counted out',
  'gathered up',
  'whole box',
  'whole packet',
  'all my',
  'all her',
  'all his',
]

/** Taking the means, said as happening or about to ("she's taking everything tonight"). */
export const TAKING = [
  'taking everything',
  'take everything',
  'taken everything',
  'taking them all',
  'take them all',
  'taken them all',
  'take all of them',
  'taking all of them',
  'swallowed',
  'swallowing',
  'going to take',
  'gonna take',
  'about to take',
]

/** Farewells and arrangements ("I've written the letters"). */
export const FAREWELL = [
  'written the letters',
  'written letters',
  'wrote the letters',
  'wrote letters',
  'written a note',
  'wrote a note',
  'left a note',
  'written a letter',
  'said goodbye',
  'said my goodbyes',
  'saying goodbye',
  'say goodbye',
  'sorry for everything',
  'given away',
  'gave away',
  'wanted someone to know',
  'want someone to know',
  'look after my',
  'tell my mum',
  'tell my kids',
  'love you all',
]

/** The person cannot be reached. */
export const OUT_OF_REACH = [
  'not answering',
  "isn't answering",
  "won't answer",
  'phone off',
  'phone is off',
  "can't reach",
  "can't get hold",
  // behind a door the poster cannot get through (round 11)
  "won't open the door",
  'not opening the door',
  "isn't opening the door",
]

/** It is about to happen. */
export const URGENT = ['tonight', 'right now']
