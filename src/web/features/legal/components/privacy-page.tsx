import { LegalPage } from './legal-page';

/** /privacidade: what data we keep, why, for how long, and people's rights under the LGPD. */
export function PrivacyPage() {
  return (
    <LegalPage
      title="Política de privacidade"
      updated="28 de novembro de 2026"
      intro="Como o MedConnect cuida dos seus dados, de acordo com a Lei Geral de Proteção de Dados (LGPD)."
    >
      <section>
        <h2>Quem cuida dos seus dados</h2>
        <p>
          A sua clínica é a controladora dos dados: é ela quem decide por que e como eles são usados. O MedConnect trata os dados em nome da clínica, apenas
          para fazer a plataforma funcionar.
        </p>
      </section>
      <section>
        <h2>Quais dados guardamos</h2>
        <ul>
          <li>Dados de cadastro: nome, e-mail, telefone, CPF e data de nascimento (pacientes); CRM, especialidade e chave PIX (médicos).</li>
          <li>Foto de perfil, se você enviar uma. Nós a convertemos e apagamos informações escondidas no arquivo, como a localização.</li>
          <li>Dados de saúde registrados pelo seu médico: evoluções, diagnósticos e prescrições.</li>
          <li>Registros de acesso: quem abriu qual prontuário e quando, para a sua segurança.</li>
        </ul>
        <p>O vídeo e o áudio das consultas vão direto entre os aparelhos do médico e do paciente e não são gravados.</p>
      </section>
      <section>
        <h2>Para que usamos</h2>
        <ul>
          <li>Permitir o login e as consultas por vídeo.</li>
          <li>Manter o prontuário, como exige o Conselho Federal de Medicina.</li>
          <li>Calcular e registrar os pagamentos aos médicos.</li>
        </ul>
        <p>Não vendemos dados e não usamos seus dados para publicidade.</p>
      </section>
      <section>
        <h2>Por quanto tempo</h2>
        <p>
          Prontuários ficam guardados por pelo menos 20 anos, como determina a lei. Os demais dados ficam guardados enquanto a sua conta existir ou enquanto a
          clínica precisar deles para cumprir obrigações legais.
        </p>
      </section>
      <section>
        <h2>Como protegemos</h2>
        <p>
          Senhas são guardadas de forma cifrada, o acesso é feito por conexão segura e cada pessoa só vê o que precisa: o médico vê os próprios pacientes, e o
          paciente vê os próprios dados.
        </p>
      </section>
      <section>
        <h2>Seus direitos</h2>
        <p>
          Você pode pedir para ver, corrigir ou receber uma cópia dos seus dados, e saber com quem eles foram compartilhados. Para isso, fale com a sua clínica,
          que vai atender o pedido com o nosso apoio. Você também pode procurar a Autoridade Nacional de Proteção de Dados (ANPD).
        </p>
      </section>
    </LegalPage>
  );
}
