import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '../generated/prisma/client.js';
import { canonicalJson, sha256Hex } from '../shared/canonical-json.js';
import { catalogueChanged } from '../shared/publication-events.js';

export const templatesDir = fileURLToPath(new URL('../../../schemas/templates/', import.meta.url));

/** A catalogue template's definition (schemas/templates/<id>.json), a fresh copy each call. */
export function loadTemplate(id: string): Record<string, any> {
  return JSON.parse(readFileSync(`${templatesDir}${id}.json`, 'utf8')) as Record<string, any>;
}

/**
 * Test setup for citizen-side tests: a published, switched-on service of an Ente written
 * straight with Prisma (the designers' mutations have their own tests).
 */
export async function publishService(prisma: PrismaClient, options: { enteId: string; publishedById: string; slug: string; definition: object }): Promise<{ serviceId: string; versionId: string }> {
  const service = await prisma.service.create({
    data: { enteId: options.enteId, slug: options.slug, workingCopy: options.definition, enabled: true },
    select: { id: true },
  });
  const versionId = await publishVersion(prisma, { ...options, serviceId: service.id });
  return { serviceId: service.id, versionId };
}

/** Publishes the next version of a service and makes it current. */
export async function publishVersion(prisma: PrismaClient, options: { enteId: string; publishedById: string; serviceId: string; definition: object }): Promise<string> {
  const last = await prisma.serviceVersion.count({ where: { serviceId: options.serviceId } });
  const version = await prisma.serviceVersion.create({
    data: {
      serviceId: options.serviceId, enteId: options.enteId, number: last + 1, definition: options.definition,
      hash: sha256Hex(canonicalJson(options.definition)), publishedById: options.publishedById,
    },
    select: { id: true },
  });
  await prisma.service.update({ where: { id: options.serviceId }, data: { currentVersionId: version.id } });
  catalogueChanged(options.enteId); // as the designers' publish does
  return version.id;
}
