import type { Random } from './random.ts';

// Given names from many languages; surnames are made of invented parts, so every generated person is
// fictional (a given name with a made-up family name), and there are enough of them for few namesakes.
const GIVEN = (
  'Ada Aiko Alejandro Amara Amir Ana Anders Anika Arjun Astrid Ayodele Beatriz Bilal Bjorn Bruno ' +
  'Camila Carmen Chidi Chloe Dalia Daniel Dario Deepa Diego Dmitri Elena Elif Emeka Emil Esme ' +
  'Fatima Felix Freya Gabriel Greta Hana Hannah Haruto Hugo Ibrahim Ines Ingrid Isaac Ivan Jamal ' +
  'Javier Jia Jonas Julia Kai Kamala Karim Kenji Kofi Laila Lars Leila Leon Lina Lucas Lucia Maya ' +
  'Mateo Mei Mikael Mina Nadia Naveen Nia Nikolai Noor Olga Omar Oskar Paolo Priya Rafael Rania ' +
  'Ravi Rosa Ruben Sakura Samir Sara Sean Sofia Soren Tariq Tomas Uma Valentina Vera Viktor Wei ' +
  'Xavier Yara Yusuf Zara Zoltan Aaron Abigail Adrian Alicia Andre Bianca Carlos Clara David Elias ' +
  'Emma Farah Gustavo Helena Irene Jakub Keiko Lena Marco Marta Nora Pablo Petra Quentin Rohan ' +
  'Selma Theo Tove Vikram Wanjiru Yasmin Zeynep Agnes Bastian Cyrus Dagny Eero Filipa Goran Hedda ' +
  'Idris Jorunn Kasimir Liv Malik Nils Odile Pilar Rasmus Saoirse Thiago Ulla Vesna Wilhelm Yuki'
).split(' ');
const SURNAME_HEADS = (
  'Ash Bel Bram Cal Cor Dal Dun El Fen Gar Hal Hol Ist Jar Kel Kir Lan Lor Mar Mor Nor Oak Orr Pel ' +
  'Quen Rav Ros Sal Sel Tal Tor Ul Val Ven Wes Wyn Yar Zel Brin Cres Drav Fal Gren Hest Lind Mer ' +
  'Pren Stav Thal Vost'
).split(' ');
const SURNAME_TAILS = (
  'aby ando ard bury czyk dale den dottir enko ero ford gaard grove hart holm ianu ingham ison kov ' +
  'ley lund mann mere more nell ney ovic quist rick rup sen shaw ski stad strom ton ura vik well ' +
  'wick yama zan zewski oglu ari'
).split(' ');

/** A fictional person's name. */
export interface PersonName {
  given: string;
  family: string;
  full: string;
}

/** Draws a fictional name: a given name and an invented family name. */
export function drawName(random: Random): PersonName {
  const given = random.pick(GIVEN);
  const family = random.pick(SURNAME_HEADS) + random.pick(SURNAME_TAILS);
  return { given, family, full: `${given} ${family}` };
}

/** How many distinct names `drawName` can produce. */
export const NAME_SPACE = GIVEN.length * SURNAME_HEADS.length * SURNAME_TAILS.length;

/** A unique, reserved-domain email for person number `index` (RFC 2606 domains: never a real mailbox). */
export function emailFor(name: PersonName, index: number): string {
  const domain = ['example.com', 'example.org', 'example.net'][index % 3];
  const local = `${name.given}.${name.family}`.toLowerCase().replace(/[^a-z.]/g, '');
  return `${local}.${index.toString(36)}@${domain}`;
}
