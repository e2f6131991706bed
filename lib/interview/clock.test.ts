import { describe, expect, it } from 'vitest';
import {
  crossedMilestones,
  formatClock,
  formatRemaining,
  interviewMilestones,
  questionMilestones,
  spokenDuration,
} from './clock';

describe('interview clock', () => {
  it('formats seconds as mm:ss', () => {
    expect([
      formatClock(0),
      formatClock(9.7),
      formatClock(61),
      formatClock(15 * 60),
      formatClock(75 * 60 + 5),
      formatClock(-3),
    ]).toEqual(['00:00', '00:09', '01:01', '15:00', '75:05', '00:00']);
  });

  it('counts down, then counts the time over', () => {
    expect(formatRemaining(360, 0)).toEqual({ text: '06:00 left', over: false });
    expect(formatRemaining(360, 359.9)).toEqual({ text: '00:01 left', over: false });
    expect(formatRemaining(360, 360)).toEqual({ text: '00:00 left', over: false });
    expect(formatRemaining(360, 372)).toEqual({ text: '00:12 over', over: true });
  });

  it('says durations the way a person would', () => {
    expect([spokenDuration(60), spokenDuration(360), spokenDuration(90)]).toEqual([
      '1 minute',
      '6 minutes',
      '90 seconds',
    ]);
  });

  it('announces a few milestones, each once, never every second', () => {
    expect(questionMilestones(360).map((milestone) => milestone.at)).toEqual([300, 360]);
    expect(questionMilestones(120).map((milestone) => milestone.at)).toEqual([120]);
    expect(interviewMilestones(900).map((milestone) => milestone.at)).toEqual([600, 840, 900]);
    const milestones = interviewMilestones(900);
    let announced = 0;
    for (let second = 1; second <= 1000; second++)
      announced += crossedMilestones(milestones, second - 1, second).length;
    expect(announced).toBe(3);
    // A tab in the background ticks late: a jump still announces what it passed.
    expect(crossedMilestones(milestones, 500, 845).map((milestone) => milestone.message)).toEqual([
      '5 minutes left in the interview.',
      '1 minute left in the interview.',
    ]);
  });
});
