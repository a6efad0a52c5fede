/**
 * The SHA-256 of every shipped migration file (LF line endings), checked each time the migrations
 * are loaded (`loadMigrations`, so at every vault open and create).
 *
 * Why: a vault that applied a migration keeps only its id; editing the file afterwards would give
 * vaults made before and after the edit different schemas under the same id, silently. Never edit a
 * pinned file: add a new migration. Pin a new migration here in the commit that adds it
 * (migrations.test.ts fails until every file in migrations/ is pinned and prints the missing line).
 */
export const MIGRATION_SHA256: Readonly<Record<string, string>> = Object.freeze({
  '0001_vault': 'cda7ae7f70110ea90b128038ae899f1db77b716accff36936784b644f6189f25',
  '0002_accounts': 'd6d7409de15c81605c92c19f97c9fcf9e49bbc2c185b945776467f8862212987',
  '0003_audit': 'b79aa8f4495448a10339426d4bd199b4277a0df0428b41b7f110b3eb50e0372a',
  '0004_roles': '7086a50215b804e830ebc2979850a8e6ad952b87f6fc587a28ab73f14656b9e5',
  '0005_contacts': '8cea0c4570f4494a9eb02be1f7807585c2f0f1e0c4e338692483cf225f7ae27f',
  '0006_alerts': '7a942125464865c4ce5624408251b14b8a751215d0a784ffa30bb89fe3ecfbe4',
  '0007_companies': 'd7742001ec4950623d853bc6396b2e93303fa38204bb19e0450cfef48058f430',
  '0008_deals': '925c76782316b883450777847f1cf82291e87caefb3b15b02d0638204857b8db',
  '0009_devices': '2faa083d816e694769faab797651d26254105701c07af0599b7b23a3c6f89b6d',
  '0010_export_requests': 'a1d093a6a26ec89bd7ae5bb24dbca783666952a8cc8e5d3055c68058a586d255',
  '0011_activities': '8e8c021982209be9a0f6b993c8c52796c00e6d7dc6ab636ca898e69e3d8d0d56',
  '0012_documents': '3e03ad608fc5f18e67b8d959197b7111e919c760cba4879224872655dcdf845b',
  '0013_search': '6470cde719a7fc57638099f9fd948c7ec1929f271a4117880c8e019543cc27ab',
  '0014_analytics': 'ea2e08ae54c63a9c5bc0842035ddcc54d7f8938792dbd99b23e08f0cd9c5b16c',
  '0015_search_per_entity': '58da2de5e44560ffbc9010cc9b2edde13720189b6bc42471912bebc7dc681f78',
  '0016_activities_by_owner_only':
    '9af054c92f848f673cb83d8887e08b743f7a3ce2012bea7ddc061a5fcd442304',
  '0017_contact_position': 'daa63cd96a4c772b9187cd46d215d2e484d784c494f5a27fe9060f95941dd444',
  '0019_keyslots_keyring_changes':
    '8308ff7a3226ecad1d72abd4c9bca9b77eb9c1739b1e809a02e8ac55fa152a62',
  '0022_import_batches': '8d53adc4718003cab11095d9608c2bf64ae4d63b427edb01377661d3ee2f0e9f',
  '0023_erasure_log': '29c1c20671fff44988a937d7bfb5466029041402d7e147c81bacc57399b9db27',
  '0024_privacy_register': 'e70bead9997a2d5e5a5b3090c2dc7b98466af8889bdb3ddaccf0b7814cb65b51',
  '0025_teams_table': '2a0bc4f043bf4995a6f62cdb32a31fd5261f9a4cf64f6af4568df474a7823eb8',
  '0026_tasks_call_facts': 'cc9c439b42a7d4712f771ab1bc9890bd4d3185833afd276d708d87527f4ebcfd',
  '0028_sync_office': '90d1c49b517f5a3c756c77dddf3b74ee447d4d5bf10347e9cd40e7d11f8d2ffa',
  '0029_stage_name_nova': 'bb0f671e4e13000e7e9c68543d2c0e2e1941be054c97a638218b0b9e0a682d48',
  '0030_privacy17_company_erasure':
    '369c50583575e0511251287d15e7492ca7893e1f230d268b6ea7ccf509afe5ed',
  '0031_fields18_custom_fields': '11dcd3fc0cf3f3acff46f6eab6316b1bf5af190c3d372f8db829e2a1b223d72f',
  '0032_bulk18_saved_filters': '610be4d74b34d206554b117b89556b0db95a498892f4d97ce2b51bb05928de1d',
  '0033_merge15_merges': '84afd9864bc809dc8a5512c87c3b3fe23d20f4e04a88d58aa65d7a29b00a5e85',
  '0034_sync16_erasures': '77ff6e9b3ba78649244720ee7c18b6e87faf00af31d8f9aed1487191f7c56cd0',
  '0035_export15_export_formats':
    '999d4a330ee2d9f89764fc8e7e538698055138be4fddb5c5a8cd4d8013103cbe',
  '0041_fields18b_show_in_list': 'ec456816b1146974e771101f02abfd33845887a2085a0e3587032f158b863de9',
  '0042_audit16_office_audit': 'ac26c39f1210a95c8b7ef3820215c6bce8d1b9e71b0d47c7a83c796fd54c9b5a',
  '0043_docs16_document_sync': 'ca387217e06e186922b6eaf96bc19dca6977f6ca727a7e68de717307d53db8bd',
  '0044_devices16_office_jobs': '56572fcb2e16b8a7bc086229f14ef3304dfece83bc409337db531bdabd175dbc',
  '0045_dealimport_deal_batches':
    '326ca335f316da63e89924a6d14c213278b9bb464f33cea5992d7b30a29f5e0e',
});
