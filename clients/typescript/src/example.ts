// What a frontend does: list what is on in a lab, then register a citizen for the first
// occurrence with free seats. Compiled with `tsc --noEmit` in CI, so a contract change that
// breaks these calls fails the build.
import { ApiProblem, stadtlabore, type Occurrence, type Registration } from "./client.js";

const api = stadtlabore("http://localhost:8080");

/** Occurrences with free seats in the next 30 days, as a calendar list shows them. */
export async function whatIsOn(lab: string): Promise<Occurrence[]> {
  const from = new Date();
  const to = new Date(from.getTime() + 30 * 24 * 3600 * 1000);
  const { data, error } = await api.GET("/occurrences", {
    params: { query: { lab, from: from.toISOString(), to: to.toISOString(), freeSeats: true, size: 50 } },
  });
  if (error) {
    throw new ApiProblem(error);
  }
  return data.items;
}

/**
 * Registers a citizen; the answer carries the secret cancel token, shown only now. On a phone the
 * connection may drop after the service registered: one Idempotency-Key per registration makes
 * the retry answer with the same registration instead of a second one (or "already registered").
 */
export async function register(occurrence: Occurrence, name: string, email: string,
    idempotencyKey: string = crypto.randomUUID()): Promise<Registration> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { data, error } = await api.POST("/events/{id}/occurrences/{occurrence}/registrations", {
        params: {
          path: { id: occurrence.event, occurrence: occurrence.occurrence },
          header: { "Idempotency-Key": idempotencyKey },
        },
        body: { name, email, consent: true, seats: 1 },
      });
      if (error) {
        throw new ApiProblem(error);
      }
      return data;
    } catch (e) {
      // Only a lost connection is retried, with the same key; a problem document is an answer.
      if (e instanceof ApiProblem || attempt === 3) {
        throw e;
      }
    }
  }
}

export function describe(occurrence: Occurrence): string {
  const seats = occurrence.registration;
  const free = seats === undefined ? "no registration" : `${seats.freeSeats} of ${seats.capacity} seats free`;
  return `${occurrence.startsAt} ${occurrence.title} (${occurrence.leadLab.name}): ${free}`;
}

export async function main(): Promise<void> {
  const on = await whatIsOn("freiraum-arnsberg");
  on.forEach((occurrence) => console.log(describe(occurrence)));
  const first = on[0];
  if (first !== undefined) {
    const registration = await register(first, "Erika Musterfrau", "erika@example.org");
    console.log(`${registration.status}, cancel with token ${registration.cancelToken ?? "(mailed)"}`);
  }
}
