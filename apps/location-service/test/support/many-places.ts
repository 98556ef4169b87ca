/**
 * A realistic large place table for EXPLAIN tests and the search benchmark: the shipped places
 * plus generated ones named the way Seoul and Jeju places are (a neighbourhood, often a brand,
 * a kind of place: "Mangwon Blue Bottle Coffee" / "망원 블루보틀 커피", 2-40 characters, words that
 * repeat across thousands of rows as "market", "cafe", "시장" do), spread over both regions' boxes
 * with every catalog category. Deterministic (row g always gets the same values), then VACUUM ANALYZE.
 */
import type { PrismaClient } from '../../src/generated/prisma/client.ts';

const HOODS: readonly (readonly [string, string])[] = [
  ['Mangwon', '망원'], ['Hapjeong', '합정'], ['Seongsu', '성수'], ['Itaewon', '이태원'], ['Hongdae', '홍대'], ['Yeonnam', '연남'],
  ['Insadong', '인사동'], ['Samcheong', '삼청'], ['Bukchon', '북촌'], ['Jongno', '종로'], ['Myeongdong', '명동'], ['Euljiro', '을지로'],
  ['Gangnam', '강남'], ['Sinsa', '신사'], ['Apgujeong', '압구정'], ['Jamsil', '잠실'], ['Yeouido', '여의도'], ['Mapo', '마포'],
  ['Seochon', '서촌'], ['Hannam', '한남'], ['Dongdaemun', '동대문'], ['Namdaemun', '남대문'], ['Sinchon', '신촌'], ['Ikseon', '익선'],
  ['Jeju City', '제주시'], ['Seogwipo', '서귀포'], ['Aewol', '애월'], ['Hallim', '한림'], ['Seongsan', '성산'], ['Jungmun', '중문'],
  ['Hamdeok', '함덕'], ['Woljeong', '월정'], ['Pyoseon', '표선'], ['Daejeong', '대정'], ['Gujwa', '구좌'], ['Udo', '우도'],
];
const BRANDS: readonly (readonly [string, string])[] = [
  ['', ''], ['', ''], ['', ''], ['Blue Bottle', '블루보틀'], ['Anthracite', '앤트러사이트'], ['Starbucks', '스타벅스'], ['Olive Young', '올리브영'],
  ['Halmeoni', '할머니'], ['Wonjo', '원조'], ['Jinmi', '진미'], ['Hanok', '한옥'], ['Sun', '해'], ['Moon', '달'], ['Green', '초록'],
  ['Royal', '로얄'], ['Old Town', '옛골'], ['Sea Breeze', '바닷바람'], ['Stone', '돌'], ['Tangerine', '감귤'], ['Black Pork', '흑돼지'],
];
const KINDS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  palace: [['Palace', '궁'], ['Royal Shrine', '종묘'], ['Royal Tomb', '왕릉']],
  museum: [['Museum', '박물관'], ['Art Museum', '미술관'], ['Gallery', '갤러리'], ['Memorial Hall', '기념관']],
  market: [['Market', '시장'], ['Traditional Market', '전통시장'], ['Night Market', '야시장'], ['Fish Market', '수산시장']],
  park: [['Park', '공원'], ['Forest Park', '숲공원'], ['Riverside Park', '한강공원'], ['Arboretum', '수목원']],
  viewpoint: [['Observatory', '전망대'], ['Lookout', '전망대'], ['Sky Deck', '스카이데크']],
  temple: [['Temple', '사'], ['Buddhist Temple', '사찰'], ['Hermitage', '암자']],
  street: [['Street', '거리'], ['Alley', '골목'], ['Food Street', '먹자골목'], ['Cafe Street', '카페거리']],
  beach: [['Beach', '해수욕장'], ['Beach', '해변'], ['Coast', '해안']],
  nature: [['Oreum', '오름'], ['Waterfall', '폭포'], ['Forest Trail', '숲길'], ['Olle Trail', '올레길'], ['Cave', '동굴']],
  restaurant: [['Noodle House', '칼국수'], ['BBQ', '고깃집'], ['Kimbap', '김밥'], ['Haejangguk', '해장국'], ['Seafood Restaurant', '횟집'], ['Bibimbap', '비빔밥']],
  cafe: [['Coffee', '커피'], ['Cafe', '카페'], ['Bakery', '베이커리'], ['Tea House', '찻집']],
  shopping: [['Mall', '몰'], ['Department Store', '백화점'], ['Outlet', '아울렛'], ['Bookstore', '서점']],
  'theme-park': [['Theme Park', '테마파크'], ['Aquarium', '아쿠아리움'], ['Zoo', '동물원']],
  landmark: [['Tower', '타워'], ['Gate', '문'], ['Bridge', '대교'], ['Square', '광장'], ['Cathedral', '성당']],
};

const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: readonly string[]): string => `ARRAY[${xs.map(lit).join(',')}]::text[]`;

/**
 * Adds generated places to a location database until it holds `total` rows (the shipped places
 * loaded before count), then VACUUM ANALYZE. Returns the row count.
 */
export const seedManyPlaces = async (prisma: PrismaClient, total: number): Promise<number> => {
  const count = async (): Promise<number> => (await prisma.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM places'))[0]!.n;
  const n = await count();
  const kinds = Object.entries(KINDS).flatMap(([category, ks]) => ks.map(([en, ko]) => ({ category, en, ko })));
  await prisma.$executeRawUnsafe(`
    WITH v AS (SELECT g,
        ${arr(HOODS.map((h) => h[0]))} AS he, ${arr(HOODS.map((h) => h[1]))} AS hk,
        ${arr(BRANDS.map((b) => b[0]))} AS be, ${arr(BRANDS.map((b) => b[1]))} AS bk,
        ${arr(kinds.map((k) => k.en))} AS ke, ${arr(kinds.map((k) => k.ko))} AS kk, ${arr(kinds.map((k) => k.category))} AS kc
      FROM generate_series(1, ${Math.max(0, total - n)}) AS g),
    w AS (SELECT g,
        1 + (g * 7) % ${HOODS.length} AS h, 1 + (g * 13 / 5) % ${BRANDS.length} AS b, 1 + (g * 31 / 3) % ${kinds.length} AS k,
        ((g * 2654435761::bigint) % 100000) / 100000.0 AS r1, ((g * 40503::bigint) % 100003) / 100003.0 AS r2, he, hk, be, bk, ke, kk, kc FROM v)
    INSERT INTO places (id, name, name_ko, category, region, location, visit_minutes, rating, opening_hours_osm, source_name, source_id, licence, retrieved_on)
    SELECT 'gen-' || g,
           concat_ws(' ', he[h], nullif(be[b], ''), ke[k], CASE WHEN g % 5 = 0 THEN 'No. ' || (g % 97 + 2) END),
           concat_ws(' ', hk[h], nullif(bk[b], ''), kk[k], CASE WHEN g % 5 = 0 THEN (g % 97 + 2) || '호점' END),
           kc[k], CASE WHEN h > 24 THEN 'jeju' ELSE 'seoul' END,
           CASE WHEN h > 24 THEN ST_SetSRID(ST_MakePoint(126.17 + r1 * 0.76, 33.21 + r2 * 0.32), 4326)::geography
                ELSE ST_SetSRID(ST_MakePoint(126.80 + r1 * 0.40, 37.45 + r2 * 0.22), 4326)::geography END,
           30 + (g % 5) * 15, 3 + (g % 20) / 10.0, CASE WHEN g % 3 = 0 THEN '24/7' ELSE 'Mo-Su 10:00-20:00' END,
           'generated', 'gen-' || g, 'CC0-1.0', DATE '2026-12-01'
    FROM w`);
  // VACUUM as autovacuum would soon after a load: it also empties the GIN indexes' pending lists
  // (a bulk insert lands there; reading them made trigram lookups 5-10 times slower).
  await prisma.$executeRawUnsafe('VACUUM ANALYZE places');
  return count();
};
