import type { World } from '../world';
import { closing } from './closing';
import { goalAchieved, goals } from './goals';
import { home } from './home';
import { meetings } from './meetings';
import { pairSetup } from './pair-setup';
import { practice } from './practice';
import { reminders } from './reminders';

/** The demo's acts in the order they play (each builds on the ones before); a feature adds its act here. */
export const ACTS: ReadonlyArray<{ name: string; play: (world: World) => Promise<void> }> = [
  { name: 'pair-setup', play: pairSetup },
  { name: 'goals', play: goals },
  { name: 'meetings', play: meetings },
  { name: 'reminders', play: reminders },
  { name: 'practice', play: practice },
  { name: 'goal-achieved', play: goalAchieved },
  { name: 'home', play: home },
  { name: 'closing', play: closing },
];
