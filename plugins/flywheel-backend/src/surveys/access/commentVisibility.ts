import type { SurveyHiddenReason } from '@flywheel/plugin-flywheel-common';
import { OrgDirectory } from './audience';
import { teamOf, WaveCounts, waveVisibility } from '../results/buildResults';

/** Which scopes may list a wave's comments, and how each comment is labelled. */
export interface CommentVisibility {
  /**
   * Why the comments of a scope (a team with its sub-teams, or everyone when
   * undefined) are withheld; undefined when they may be listed.
   */
  hiddenReason(groupRef?: string): SurveyHiddenReason | undefined;
  /** Whether the scope's numbers are shown, and so its comment count may be. */
  numbersShown(groupRef?: string): boolean;
  /** The team label of a comment whose respondent counts for `groupRef`. */
  labelOf(groupRef: string | null): string | undefined;
}

/**
 * Comment visibility for one wave. Comments are text and their ids are
 * stable, so whoever may list two scopes can subtract one list from the
 * other: the comments of a scope obey the same decision as its numbers and
 * the same decision again at the higher comment threshold, both made over
 * the whole tree with the differencing guard (see decideSegmentVisibility).
 * A scope's comments are listed only when it is shown in both.
 *
 * The listed scopes are a subset of the scopes shown at the comment
 * threshold, so any set of comments derivable from them by unions and
 * differences is a union of that decision's cells: none or at least the
 * comment threshold of respondents.
 *
 * A comment's team label is the nearest team, the respondent's own or an
 * ancestor, whose comments are listed. Comments labelled with a team are
 * then exactly such a cell, and a label never singles out a team's few own
 * members beside large sub-teams.
 */
export function decideCommentVisibility(
  counts: WaveCounts,
  directory: OrgDirectory,
  thresholds: { minGroupSize: number; minCommentGroupSize: number },
): CommentVisibility {
  const numbers = waveVisibility(counts, directory, thresholds.minGroupSize);
  const comments = waveVisibility(
    counts,
    directory,
    Math.max(thresholds.minCommentGroupSize, thresholds.minGroupSize),
  );
  const hiddenReason = (groupRef?: string) =>
    groupRef
      ? numbers.hidden.get(groupRef) ?? comments.hidden.get(groupRef)
      : numbers.overallHidden ?? comments.overallHidden;
  return {
    hiddenReason,
    numbersShown: groupRef =>
      !(groupRef ? numbers.hidden.has(groupRef) : numbers.overallHidden),
    labelOf(groupRef) {
      const team = teamOf(directory, groupRef);
      if (!team) {
        return undefined;
      }
      // Hidden teams hide their whole subtree, so the first listed team on
      // the way up is the nearest listed one.
      return directory.ancestry(team).find(t => !hiddenReason(t));
    },
  };
}
