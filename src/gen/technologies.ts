/**
 * Technologies a generated role may use, by era: the year a technology became common in industry and,
 * for those that faded, the year it stopped being picked for new work. Names are canonical names of
 * data/technologies.json (a unit test checks each one), so the truth and the graph agree.
 */
export interface EraTechnology {
  name: string;
  from: number;
  until?: number;
}

const t = (name: string, from: number, until?: number): EraTechnology => ({ name, from, until });

/** Kinds of work; each role belongs to one, and its technologies come from that kind's pool. */
export const TRACKS = ['backend', 'frontend', 'data', 'ml', 'mobile', 'infra'] as const;
export type Track = (typeof TRACKS)[number];

/** Each track's technologies with their eras (a technology may serve several tracks). */
export const TRACK_TECHNOLOGIES: Record<Track, EraTechnology[]> = {
  backend: [
    t('Java', 1996),
    t('C++', 1990),
    t('C#', 2002),
    t('Python', 1998),
    t('PHP', 1998, 2020),
    t('Perl', 1990, 2010),
    t('Ruby', 2005),
    t('Ruby on Rails', 2006),
    t('Go', 2012),
    t('Scala', 2009),
    t('Kotlin', 2016),
    t('Rust', 2017),
    t('Elixir', 2015),
    t('Node.js', 2011),
    t('Spring Framework', 2004),
    t('Spring Boot', 2015),
    t('Django', 2007),
    t('Flask', 2011),
    t('FastAPI', 2020),
    t('.NET', 2002),
    t('Hibernate', 2004),
    t('MySQL', 1998),
    t('PostgreSQL', 1999),
    t('Oracle Database', 1995, 2018),
    t('Microsoft SQL Server', 1998),
    t('MongoDB', 2010),
    t('Redis', 2010),
    t('Cassandra', 2011),
    t('Elasticsearch', 2012),
    t('Kafka', 2012),
    t('RabbitMQ', 2009),
    t('gRPC', 2017),
    t('GraphQL', 2017),
    t('Memcached', 2005, 2016),
    t('Amazon DynamoDB', 2013),
  ],
  frontend: [
    t('JavaScript', 1998),
    t('TypeScript', 2015),
    t('HTML', 1995),
    t('CSS', 1998),
    t('jQuery', 2007, 2017),
    t('Backbone.js', 2011, 2015),
    t('AngularJS', 2011, 2018),
    t('Angular', 2017),
    t('React', 2014),
    t('Vue.js', 2016),
    t('Next.js', 2018),
    t('Svelte', 2020),
    t('Sass', 2010),
    t('Webpack', 2015),
    t('GraphQL', 2017),
    t('Node.js', 2011),
    t('Jest', 2017),
    t('Cypress', 2019),
  ],
  data: [
    t('Python', 1998),
    t('Java', 1996),
    t('Scala', 2009),
    t('SQL', 1990),
    t('Hadoop', 2008, 2020),
    t('Hive', 2010, 2021),
    t('Spark', 2014),
    t('Kafka', 2012),
    t('Flink', 2017),
    t('Airflow', 2016),
    t('dbt', 2020),
    t('Snowflake', 2018),
    t('Databricks', 2019),
    t('Amazon Redshift', 2014),
    t('PostgreSQL', 1999),
    t('Oracle Database', 1995, 2018),
    t('Cassandra', 2011),
    t('Elasticsearch', 2012),
    t('pandas', 2012),
    t('Tableau', 2010),
  ],
  ml: [
    t('Python', 1998),
    t('R', 2000),
    t('MATLAB', 1995, 2015),
    t('pandas', 2012),
    t('scikit-learn', 2012),
    t('TensorFlow', 2016),
    t('PyTorch', 2018),
    t('Keras', 2016, 2022),
    t('Spark', 2014),
    t('CUDA', 2010),
    t('Jupyter', 2015),
    t('SQL', 1990),
    t('Databricks', 2019),
  ],
  mobile: [
    t('Java', 1996),
    t('Objective-C', 2009, 2018),
    t('Swift', 2015),
    t('Kotlin', 2016),
    t('Android', 2009),
    t('iOS', 2009),
    t('React Native', 2016),
    t('Flutter', 2019),
    t('Dart', 2019),
    t('Firebase', 2015),
    t('GraphQL', 2017),
  ],
  infra: [
    t('Linux', 1995),
    t('Bash', 1995),
    t('Python', 1998),
    t('Go', 2012),
    t('AWS', 2008),
    t('Microsoft Azure', 2012),
    t('Google Cloud Platform', 2014),
    t('Docker', 2014),
    t('Kubernetes', 2016),
    t('Terraform', 2016),
    t('Ansible', 2014),
    t('Puppet', 2008, 2018),
    t('Chef', 2010, 2019),
    t('Jenkins', 2011),
    t('GitHub Actions', 2020),
    t('Prometheus', 2016),
    t('Grafana', 2016),
    t('Nginx', 2008),
    t('Helm', 2018),
    t('VMware', 2003, 2019),
  ],
};

/** Every technology the generator may write, once each. */
export const ALL_TECHNOLOGIES: string[] = [
  ...new Set(Object.values(TRACK_TECHNOLOGIES).flatMap((list) => list.map((x) => x.name))),
];

/** The technologies of a track in common use in a year. */
export function technologiesIn(track: Track, year: number): string[] {
  return TRACK_TECHNOLOGIES[track]
    .filter((x) => x.from <= year && (x.until === undefined || year <= x.until))
    .map((x) => x.name);
}
