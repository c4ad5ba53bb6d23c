/**
 * The reliability and security suite: faults, load, shutdown, bad input and secrets, each checked against the
 * accounting invariant "input records = created (as the server stored them) + reported failed, none twice".
 * RELIABILITY.md at the repository root lists every case and the test that proves it.
 */
package io.github.camelsaas.reliability;
