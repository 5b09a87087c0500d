import { mutationOptions } from '@tanstack/react-query'
import { mintProof } from '../api/proofs.ts'

export { type ProofLink } from '../api/proofs.ts'

/** Making a proof link: never retried (each try is counted against the member's rate limit). */
export function proofMutation() {
  return mutationOptions({ mutationFn: mintProof, retry: false })
}
